// Starts Blazor with reconnection that never gives up, with backoff and jitter: a wall screen left alone for days
// must come back by itself after a network drop or a server restart.
(() => {
    const modal = document.getElementById("components-reconnect-modal");

    // The Blazor 9.0 script served by the fallback (see BlazorScriptFallback/) only toggles these classes on the
    // modal; the .NET 10 template's modal expects a state event. Raise it from the class changes.
    const states = {
        "components-reconnect-show": "show",
        "components-reconnect-hide": "hide",
        "components-reconnect-failed": "failed",
        "components-reconnect-rejected": "rejected",
    };
    let last = null;
    if (modal) {
        new MutationObserver(() => {
            const state = Object.entries(states).find(([cls]) => modal.classList.contains(cls))?.[1];
            if (state && state !== last) {
                last = state;
                modal.dispatchEvent(new CustomEvent("components-reconnect-state-changed", { detail: { state } }));
            }
        }).observe(modal, { attributes: true, attributeFilter: ["class"] });
    }

    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: Number.MAX_SAFE_INTEGER,
                // 0.5 s, 1 s, 2 s ... capped at 10 s, each with up to 30% jitter so many screens do not retry in step.
                retryIntervalMilliseconds: previousAttempts => {
                    const base = Math.min(10000, 500 * 2 ** Math.min(previousAttempts, 5));
                    return Math.round(base * (0.7 + Math.random() * 0.3));
                },
            },
        },
    });
})();
