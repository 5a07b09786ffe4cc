/* Title suggestions under the search box: progressive enhancement of <input data-suggest-url>.
 *
 * ARIA 1.2 combobox with a listbox popup: the input keeps focus, arrow keys move aria-activedescendant,
 * Enter opens the highlighted title, Escape closes the list (a second Escape clears the input, as the native
 * search field does). Titles are inserted with textContent only. Without JavaScript the form works as is.
 * Its words come from Django's JavaScript catalogue (/jsi18n/, loaded before it), English without it.
 */
(function () {
    "use strict";

    var DEBOUNCE_MS = 200;
    var MIN_CHARS = 2;

    var gettext = window.gettext || function (text) { return text; };
    var ngettext = window.ngettext || function (singular, plural, count) { return count === 1 ? singular : plural; };

    function safeUrl(url) {
        return typeof url === "string" && /^(\/(?!\/)|https?:\/\/)/i.test(url) ? url : null;
    }

    function enhance(input) {
        var url = input.getAttribute("data-suggest-url");
        var wrapper = input.parentNode;
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var items = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var lastQuery = "";

        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", gettext("Suggested titles"));
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        wrapper.appendChild(list);
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var options = list.children;
            for (var i = 0; i < options.length; i++) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                if (options[index].scrollIntoView) { options[index].scrollIntoView({ block: "nearest" }); }
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(index) {
            var target = items[index] && safeUrl(items[index].url);
            if (target) { window.location.assign(target); }
        }

        function render(suggestions) {
            items = suggestions.filter(function (item) { return item && item.title && safeUrl(item.url); });
            while (list.firstChild) { list.removeChild(list.firstChild); }
            items.forEach(function (item, index) {
                var option = document.createElement("li");
                var title = document.createElement("span");
                option.id = listId + "-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.className = "suggestions__option";
                title.className = "suggestions__title";
                title.textContent = item.title;
                option.appendChild(title);
                if (item.type_label) {
                    var type = document.createElement("span");
                    type.className = "suggestions__type";
                    type.textContent = item.type_label;
                    option.appendChild(type);
                }
                // mousedown, not click: the input keeps focus, so the list does not close first.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    go(index);
                });
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = ngettext(
                    "%(count)s title suggested: use the up and down arrow keys to choose.",
                    "%(count)s titles suggested: use the up and down arrow keys to choose.",
                    items.length
                ).replace("%(count)s", String(items.length));
            } else {
                close();
                status.textContent = "";
            }
        }

        function fetchSuggestions() {
            var q = input.value.trim();
            if (q.length < MIN_CHARS) { render([]); lastQuery = q; return; }
            if (q === lastQuery && !list.hidden) { return; }
            lastQuery = q;
            if (controller) { controller.abort(); }
            controller = window.AbortController ? new AbortController() : null;
            var requestUrl = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(q);
            fetch(requestUrl, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    if (input.value.trim() === q && document.activeElement === input) {
                        render(Array.isArray(data.suggestions) ? data.suggestions : []);
                    }
                })
                .catch(function () { /* aborted or offline: the form still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && items.length > 0;
            switch (event.key) {
                case "ArrowDown":
                case "Down":
                    if (!open) { if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } else { fetchSuggestions(); } return; }
                    event.preventDefault();
                    highlight(active + 1 >= items.length ? 0 : active + 1);
                    break;
                case "ArrowUp":
                case "Up":
                    if (!open) { return; }
                    event.preventDefault();
                    highlight(active <= 0 ? items.length - 1 : active - 1);
                    break;
                case "Enter":
                    if (open && active >= 0) {
                        event.preventDefault();
                        go(active);
                    }
                    break; // otherwise the form is submitted: a full search
                case "Escape":
                case "Esc":
                    if (open) {
                        event.preventDefault();
                        close();
                    }
                    break;
                default:
                    break;
            }
        });

        input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    }

    // On narrow screens the filter panel starts closed so results come first (open without JavaScript).
    function collapseFilters() {
        if (!window.matchMedia || !window.matchMedia("(max-width: 56rem)").matches) { return; }
        var panels = document.querySelectorAll("details[data-collapse-narrow]");
        for (var i = 0; i < panels.length; i++) { panels[i].open = false; }
    }

    /* The extractive answer arrives after the results (GET data-answer-url: an HTML fragment rendered and escaped
     * by the server, or 204 when nothing answers the query). Without JavaScript, the <noscript> link computes it
     * within the page. */
    function loadAnswer(slot) {
        var url = safeUrl(slot.getAttribute("data-answer-url"));
        if (!url) { return; }
        slot.setAttribute("aria-busy", "true");
        fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (response) { return response.status === 200 ? response.text() : ""; })
            .then(function (html) {
                slot.removeAttribute("aria-busy");
                if (html) { slot.innerHTML = html; } else { slot.hidden = true; }
            })
            .catch(function () { slot.removeAttribute("aria-busy"); slot.hidden = true; });
    }

    function init() {
        collapseFilters();
        if (!window.fetch) { return; }
        var inputs = document.querySelectorAll("input[data-suggest-url]");
        for (var i = 0; i < inputs.length; i++) { enhance(inputs[i]); }
        var slots = document.querySelectorAll(".answer-slot[data-answer-url]");
        for (var j = 0; j < slots.length; j++) { loadAnswer(slots[j]); }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
