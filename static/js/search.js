// Autocomplete for the search box: the ARIA 1.2 combobox pattern with a listbox popup.
// Progressive enhancement only: without this file the box is a plain search form.
//
// Keyboard: Down/Up move through the suggestions (the focus stays in the box,
// aria-activedescendant points at the active option), Enter opens the active
// suggestion or submits the query, Escape closes the list (a second Escape clears the
// box), Tab leaves. A polite live region announces how many suggestions appeared.
(function () {
    "use strict";

    const DELAY = 150;
    const MIN_LENGTH = 2;

    function setup(input) {
        const url = input.getAttribute("data-autocomplete-url");
        const language = input.getAttribute("data-autocomplete-language") || "";
        const labels = {
            list: input.getAttribute("data-label-suggestions"),
            none: input.getAttribute("data-label-none"),
            one: input.getAttribute("data-label-one"),
            many: input.getAttribute("data-label-many"),
        };
        const listId = input.id + "-suggestions";
        const list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", labels.list);
        list.hidden = true;
        input.parentNode.appendChild(list);

        const status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        status.setAttribute("aria-atomic", "true");
        input.parentNode.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        let options = [];
        let active = -1;
        let timer = null;
        let controller = null;
        let lastQuery = null;

        function announce(text) {
            // Emptied first so that the same count is announced again for a new query.
            status.textContent = "";
            window.setTimeout(function () {
                status.textContent = text;
            }, 50);
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function open() {
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(option) {
            const target = option.getAttribute("data-url");
            if (target) {
                window.location.assign(target);
            }
        }

        function render(suggestions) {
            list.textContent = "";
            options = suggestions
                .filter(function (s) {
                    return s.url;
                })
                .map(function (suggestion, i) {
                    const option = document.createElement("li");
                    option.id = listId + "-" + i;
                    option.className = "search-suggestions__option";
                    option.setAttribute("role", "option");
                    option.setAttribute("aria-selected", "false");
                    option.setAttribute("data-url", suggestion.url);
                    const label = document.createElement("span");
                    label.textContent = suggestion.label;
                    option.appendChild(label);
                    const kind = input.getAttribute("data-label-type-" + suggestion.type) || "";
                    const detail = [kind, suggestion.detail].filter(Boolean).join(" · ");
                    if (detail) {
                        const extra = document.createElement("span");
                        extra.className = "search-suggestions__detail";
                        extra.textContent = detail;
                        option.appendChild(extra);
                    }
                    option.addEventListener("mousedown", function (event) {
                        event.preventDefault();
                    });
                    option.addEventListener("click", function () {
                        go(option);
                    });
                    list.appendChild(option);
                    return option;
                });
            active = -1;
            if (options.length) {
                open();
                announce(options.length === 1 ? labels.one : options.length + " " + labels.many);
            } else {
                close();
                announce(labels.none);
            }
        }

        function fetchSuggestions() {
            const query = input.value.trim();
            if (query === lastQuery) {
                open();
                return;
            }
            lastQuery = query;
            if (query.length < MIN_LENGTH) {
                options = [];
                list.textContent = "";
                close();
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            const address =
                url + "?q=" + encodeURIComponent(query) + "&lang=" + encodeURIComponent(language);
            window
                .fetch(address, {
                    signal: controller ? controller.signal : undefined,
                    headers: { Accept: "application/json" },
                })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.suggestions || []);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            const expanded = !list.hidden;
            switch (event.key) {
                case "ArrowDown":
                    event.preventDefault();
                    if (!expanded) {
                        open();
                        if (!options.length) {
                            fetchSuggestions();
                            return;
                        }
                    }
                    highlight(active + 1 >= options.length ? 0 : active + 1);
                    break;
                case "ArrowUp":
                    event.preventDefault();
                    if (!expanded) {
                        open();
                    }
                    highlight(active <= 0 ? options.length - 1 : active - 1);
                    break;
                case "Enter":
                    if (expanded && active >= 0) {
                        event.preventDefault();
                        go(options[active]);
                    }
                    break;
                case "Escape":
                    if (expanded) {
                        event.preventDefault();
                        close();
                    } else if (input.value) {
                        event.preventDefault();
                        input.value = "";
                        lastQuery = null;
                    }
                    break;
                case "Tab":
                    close();
                    break;
                default:
                    break;
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 100);
        });
    }

    document.querySelectorAll("input[data-autocomplete-url]").forEach(setup);

    // The search page's filters fold on phones (results first) and are open on wide
    // screens, where they sit beside the results.
    document.querySelectorAll("details[data-open-from]").forEach(function (panel) {
        const wide = window.matchMedia(
            "(min-width: " + panel.getAttribute("data-open-from") + ")",
        );
        panel.open = wide.matches;
    });
})();
