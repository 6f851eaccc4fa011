// Signing out forgets the unsaved notes this browser keeps (ItemCard.razor.js), for every user of it: on a shared
// computer the next person must not find the last one's words offered back; and this browser's push subscription, so
// they do not get the last one's notices. Listens for the Keluar form's own submit (any form posting to /keluar), so
// it works on every page, interactive or not, without inline script.
(() => {
    const prefix = "readiness:draft:";
    document.addEventListener("submit", event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || new URL(form.action, location.href).pathname !== "/keluar") {
            return;
        }
        try {
            for (const key of Object.keys(localStorage)) {
                if (key.startsWith(prefix)) {
                    localStorage.removeItem(key);
                }
            }
        } catch {
            // Storage disabled: nothing was kept.
        }

        // This phone's notices stop with the sign-out (js/push.js); the form is sent once that is done or has failed.
        if (window.readinessPush?.mayHaveSubscription() && form.dataset.pushForgotten !== "1") {
            event.preventDefault();
            form.dataset.pushForgotten = "1";
            window.readinessPush.forget().catch(() => { }).finally(() => form.requestSubmit(event.submitter ?? undefined));
        }
    }, true);
})();
