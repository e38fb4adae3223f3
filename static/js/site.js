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
