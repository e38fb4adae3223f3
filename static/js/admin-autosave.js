// The Wagtail editor's autosave and its own buttons, one after the other (Wagtail 8).
//
// Both post the page form. On the "new page" view, the first autosave creates the page
// and then points the form at the page's edit view. A button pressed while that autosave
// is on its way, or an autosave fired while the button's request is loading, posts to the
// "new page" view once more: the second creation is refused ("Le slug … est déjà
// utilisé", in the Promotion tab) and the page the autosave made is left behind as a
// draft nobody is editing. Here a button waits for the autosave on its way to answer
// (the form then posts to the edit view), and no autosave starts once a button was
// pressed.
function holdButtonsDuringAutosave() {
    const form = document.querySelector("form[data-edit-form]");
    if (!form || !(form.dataset.controller || "").includes("w-autosave")) {
        return;
    }
    // Longer than any autosave should take: past it, a button is not held back.
    const PATIENCE_MS = 15000;
    let pending = null; // resolved when the autosave on its way has answered
    let answered = null;
    let submitted = false;

    form.addEventListener("w-autosave:save", function (event) {
        if (submitted) {
            event.preventDefault();
            return;
        }
        pending = new Promise(function (resolve) {
            answered = resolve;
            setTimeout(resolve, PATIENCE_MS);
        });
    });
    function autosaveAnswered() {
        if (answered) {
            answered();
        }
        pending = null;
        answered = null;
    }
    form.addEventListener("w-autosave:success", autosaveAnswered);
    form.addEventListener("w-autosave:error", autosaveAnswered);

    form.addEventListener(
        "submit",
        function (event) {
            if (!pending) {
                submitted = true;
                // Another script may still cancel this submission: autosave resumes.
                setTimeout(function () {
                    submitted = !event.defaultPrevented;
                });
                return;
            }
            event.preventDefault();
            const button = event.submitter;
            pending.then(function () {
                // The autosave may have turned the form into the edit form: send the
                // same action there, as if the button had been pressed now.
                if (button && button.name) {
                    const action = document.createElement("input");
                    action.type = "hidden";
                    action.name = button.name;
                    action.value = button.value;
                    form.appendChild(action);
                }
                form.requestSubmit();
            });
        },
        true,
    );
}

// Wagtail inserts editor scripts before the form: wait for it.
if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", holdButtonsDuringAutosave);
} else {
    holdButtonsDuringAutosave();
}
