"""Date and number formats per language (Django FORMAT_MODULE_PATH): the house style where it differs from
Django's; French and Spanish use Django's own."""
