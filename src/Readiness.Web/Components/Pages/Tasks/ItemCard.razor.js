// Unsaved notes kept in the browser, per user and item, so a server restart or a dropped link loses no typing.
// Written by the browser itself on every keystroke (no round trip to the server, which may be gone at that moment).
const prefix = "readiness:draft:";
const watched = new WeakSet();

/** The draft kept for `key` ({ text, status, version, at }), or null. */
export function get(key) {
    try {
        const value = localStorage.getItem(prefix + key);
        return value ? JSON.parse(value) : null;
    } catch {
        return null;
    }
}

/** Keeps what is typed into the textarea inside `container` as the draft for `key`, with `meta` beside it. */
export function watch(container, key, meta) {
    if (!container || watched.has(container)) {
        return;
    }
    watched.add(container);
    container.addEventListener("input", event => {
        if (event.target instanceof HTMLTextAreaElement) {
            try {
                const text = event.target.value;
                if (text.trim().length === 0) {
                    localStorage.removeItem(prefix + key);
                } else {
                    localStorage.setItem(prefix + key, JSON.stringify({ ...meta, text, at: Date.now() }));
                }
            } catch {
                // Storage full or disabled: the note is still in the box; only the safety net is missing.
            }
        }
    });
}

/** Forgets the draft for `key` (saved, cancelled or discarded). */
export function clear(key) {
    try {
        localStorage.removeItem(prefix + key);
    } catch {
        // Nothing kept.
    }
}
