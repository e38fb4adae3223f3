// The portal's opening hours editor, enhanced: the preview follows what is typed, and a
// closed day hides its time ranges. Without this file every button sends the form to
// the server, which draws the rows and the preview again (merchants.portal.views.hours).
document.addEventListener("DOMContentLoaded", function () {
    const form = document.querySelector("[data-hours-editor]");
    const preview = document.querySelector("[data-hours-preview]");
    if (!form || !preview || !window.fetch) {
        return;
    }

    function showRanges(day) {
        const open = day.querySelector("input[type=checkbox]");
        const ranges = day.querySelector("[data-day-ranges]");
        if (open && ranges) {
            ranges.hidden = !open.checked;
        }
    }

    form.querySelectorAll("[data-day]").forEach(function (day) {
        showRanges(day);
        day.addEventListener("change", function (event) {
            if (event.target.type === "checkbox") {
                showRanges(day);
            }
        });
        // Typing an hour opens the day.
        day.addEventListener("input", function (event) {
            const open = day.querySelector("input[type=checkbox]");
            if (event.target.type === "time" && open && !open.checked && event.target.value) {
                open.checked = true;
                showRanges(day);
            }
        });
    });

    let timer = null;
    let sent = 0;

    function refresh(fromText) {
        const data = new FormData(form);
        data.set("action", fromText ? "preview_text" : "preview");
        const number = ++sent;
        // Not form.action: the form's buttons are named "action", which that property returns.
        fetch(form.getAttribute("action") || window.location.href, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "X-Hours-Preview": "1" },
        })
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                // Only the answer to the latest change is shown.
                if (html !== null && number === sent) {
                    show(html);
                }
            })
            .catch(function () {
                // The preview stays as it was; "Voir l'aperçu" still works.
            });
    }

    // The status line is a live region: it is kept (and its text changed) so that
    // screen readers announce the new status; the rest of the preview is replaced.
    function show(html) {
        const fresh = document.createElement("div");
        fresh.innerHTML = html;
        const status = preview.querySelector("[data-hours-status]");
        const newStatus = fresh.querySelector("[data-hours-status]");
        if (status && newStatus) {
            status.className = newStatus.className;
            status.innerHTML = newStatus.innerHTML;
            newStatus.replaceWith(status);
        }
        preview.replaceChildren(...fresh.childNodes);
    }

    function changed(event) {
        const fromText = Boolean(event.target.closest(".hours-expert"));
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            refresh(fromText);
        }, 500);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
});
