// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

// Embedded videos keep their own proportions. They are set here, not in a style
// attribute, because the Content-Security-Policy forbids inline styles; without
// JavaScript they are 16:9 (site.css).
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-embed-width][data-embed-height]").forEach(function (frame) {
        const width = parseFloat(frame.dataset.embedWidth);
        const height = parseFloat(frame.dataset.embedHeight);
        if (width > 0 && height > 0) {
            frame.style.aspectRatio = width + " / " + height;
        }
    });
});

// The main menu on phones: a disclosure button (aria-expanded, aria-controls) that
// shows or hides the links. The button is hidden in the HTML, so without JavaScript the
// links are simply listed; on wide screens site.css hides the button and shows the list.
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".main-nav__toggle").forEach(function (button) {
        const menu = document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) {
            return;
        }
        const nav = button.closest(".main-nav");
        function setOpen(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            nav.classList.toggle("main-nav--open", open);
        }
        button.hidden = false;
        setOpen(false);
        nav.classList.add("main-nav--enhanced");
        button.addEventListener("click", function () {
            setOpen(button.getAttribute("aria-expanded") !== "true");
        });
        // Escape closes the menu from its button or from a link, and gives the focus back
        // to the button so that the keyboard user is not lost.
        [button, menu].forEach(function (element) {
            element.addEventListener("keydown", function (event) {
                if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                    setOpen(false);
                    button.focus();
                }
            });
        });
    });
});
