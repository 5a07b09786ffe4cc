/* Webinar times in the visitor's own time zone: progressive enhancement of <time data-local-time>.
 *
 * The page shows each time in the webinar's own zone (and UTC); this adds ", your time: ..." in the zone the
 * browser reports, when it differs. Text is inserted with textContent only. Without JavaScript nothing changes.
 * Its words come from Django's JavaScript catalogue (/jsi18n/, loaded before it), English without it.
 */
(function () {
    "use strict";

    var gettext = window.gettext || function (text) { return text; };

    function enhance(element) {
        var instant = new Date(element.getAttribute("datetime"));
        if (isNaN(instant.getTime()) || typeof Intl === "undefined" || !Intl.DateTimeFormat) {
            return;
        }
        var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (!own || own === element.getAttribute("data-zone")) {
            return;
        }
        var text = new Intl.DateTimeFormat(undefined, {
            weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
            timeZoneName: "short"
        }).format(instant);
        var note = document.createElement("span");
        note.className = "local-time";
        note.textContent = gettext(" (your time: %(time)s)").replace("%(time)s", text);
        element.parentNode.insertBefore(note, element.nextSibling);
    }

    function run() {
        var elements = document.querySelectorAll("time[data-local-time]");
        for (var i = 0; i < elements.length; i++) {
            enhance(elements[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", run);
    } else {
        run();
    }
})();
