// Starts Blazor with reconnection that never gives up. The framework's default stops after about 6 minutes and then
// retries only when the tab becomes visible again, which an unattended wall screen never does. Backoff with jitter,
// capped at 5 s, so many screens do not retry in step and a screen is back within seconds of the server.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: Number.POSITIVE_INFINITY,
            retryIntervalMilliseconds: previousAttempts => {
                const base = Math.min(5000, 500 * 2 ** Math.min(previousAttempts, 4));
                return Math.round(base * (0.7 + Math.random() * 0.3));
            },
        },
    },
});
