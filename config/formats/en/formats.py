# House style: "5 March 2024", not Django's American "March 5, 2024".
DATE_FORMAT = "j F Y"
