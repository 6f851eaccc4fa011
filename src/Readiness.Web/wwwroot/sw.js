// The phone app's service worker. It keeps the app's own files (styles, scripts, fonts, icons) so the app opens
// without a signal, and the liaison's last task list (/tugas), read-only, marked with the time it was fetched. It keeps
// nothing else: no other page, no API answer, no admin page; and the task list only of the user who fetched it,
// dropped when that user signs out. Taps made from the kept list wait in the phone's queue (js/field.js).
const SHELL = "kesiapan-shell-v1";
const TASKS = "kesiapan-tugas-v1";
const shellFile = /^\/(_framework|_content|lib|js|fonts|icons)\/|\.(css|js|woff2?|svg|png|webmanifest)$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", event => event.waitUntil((async () => {
    for (const name of await caches.keys()) {
        if (name !== SHELL && name !== TASKS) {
            await caches.delete(name);
        }
    }

    await self.clients.claim();
})()));

self.addEventListener("message", event => {
    if (event.data === "signed-out") {
        event.waitUntil(caches.delete(TASKS));
    }
});

self.addEventListener("fetch", event => {
    const request = event.request;
    const url = new URL(request.url);
    if (url.origin !== location.origin) {
        return;
    }

    if (request.method === "POST" && url.pathname === "/keluar") {
        event.waitUntil(caches.delete(TASKS));
        return;
    }

    if (request.method !== "GET") {
        return;
    }

    if (request.mode === "navigate" && url.pathname === "/tugas") {
        event.respondWith(tasks(request));
    } else if (shellFile.test(url.pathname) && !url.pathname.startsWith("/api/")) {
        event.respondWith(shell(request));
    }
});

// The app's files: from the network when it answers (kept for later), else the kept copy.
async function shell(request) {
    const cache = await caches.open(SHELL);
    try {
        const response = await fetch(request);
        if (response.ok && response.type === "basic") {
            await cache.put(request, response.clone());
        }

        return response;
    } catch (error) {
        const kept = await cache.match(request);
        if (kept) {
            return kept;
        }

        throw error;
    }
}

// The task list: always from the network when it answers; the copy kept is the last one of the signed-in user (a
// page that is not the task list, such as the sign-in page after a sign-out, is never kept). Offline, the copy is
// shown with the time it was fetched, read-only apart from the taps the phone queues.
async function tasks(request) {
    const cache = await caches.open(TASKS);
    try {
        const response = await fetch(request);
        const copy = response.clone();
        if (response.ok && !response.redirected) {
            const html = await copy.text();
            if (/<meta name="readiness-user" content="[^"]+"/.test(html)) {
                await cache.put("/tugas", new Response(html, {
                    headers: { "Content-Type": "text/html; charset=utf-8", "X-Kept-At": new Date().toISOString() },
                }));
            }
        }

        return response;
    } catch (error) {
        const kept = await cache.match("/tugas");
        if (!kept) {
            throw error;
        }

        const at = new Date(kept.headers.get("X-Kept-At"));
        const html = (await kept.text()).replace(/<body([^>]*)>/, `<body$1><div id="kept-at" role="status">${keptLabel(at)}</div>`);
        return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
}

// "Data per 09.05 WITA": the phone's own clock and zone (WIB, WITA or WIT by its offset from UTC).
function keptLabel(at) {
    const offset = -at.getTimezoneOffset() / 60;
    const zone = { 7: "WIB", 8: "WITA", 9: "WIT" }[offset] || `UTC${offset >= 0 ? "+" : ""}${offset}`;
    const time = `${String(at.getHours()).padStart(2, "0")}.${String(at.getMinutes()).padStart(2, "0")}`;
    return `Luring · data per ${time} ${zone} / Offline · data as of ${time} ${zone}`;
}

// Web Push (js/push.js subscribes): the message carries a title and a path in the app, never a note or a name. A
// repeat of one delivery has the same tag, so it replaces the notification instead of adding one.
self.addEventListener("push", event => {
    let message = {};
    try {
        message = event.data ? event.data.json() : {};
    } catch {
        message = {};
    }

    const link = typeof message.link === "string" && message.link.startsWith("/") && !message.link.startsWith("//") ? message.link : "/kotak-masuk";
    event.waitUntil(self.registration.showNotification(message.title || "Kesiapan Pilkada", {
        body: "",
        tag: message.tag || undefined,
        icon: "/icons/icon-192.png",
        badge: "/icons/icon-192.png",
        data: { link },
    }));
});

// A tap opens the notice's page: in a window of the app that is already open when there is one, else a new one.
self.addEventListener("notificationclick", event => {
    event.notification.close();
    const target = new URL(event.notification.data?.link || "/kotak-masuk", self.location.origin).href;
    event.waitUntil((async () => {
        const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
        for (const client of windows) {
            if (new URL(client.url).origin !== self.location.origin || !("focus" in client)) {
                continue;
            }
            try {
                const focused = await client.focus();
                await focused.navigate(target);
                return;
            } catch {
                // A window this worker does not control cannot be sent elsewhere: a new one opens instead.
            }
        }

        await self.clients.openWindow(target);
    })());
});
