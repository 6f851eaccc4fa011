// Notices on the phone (Web Push). A person allows them once, on purpose, with the button that Razor renders as
// [data-push-allow] inside a [data-push] block (inbox and profile pages); this file subscribes the browser with the
// server's VAPID key (GET api/push/kunci), hands the subscription to the server (POST api/push/langganan, with the
// page's antiforgery token) and says the state in the words the block carries in its data-text-* attributes:
// allowed, not yet allowed, blocked by the browser, not supported, or off on this server. At sign-out sign-out.js
// calls readinessPush.forget(), so the next person on this phone does not get the last one's notices.
(() => {
    const path = "/api/push/langganan";
    const meta = name => document.querySelector(`meta[name="${name}"]`)?.content ?? "";
    const supported = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

    function keyBytes(base64url) {
        const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
        return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    }

    async function registration() {
        // field.js registers sw.js for a signed-in person; wait for it (or register it here when it has not yet).
        if (!navigator.serviceWorker.controller) {
            await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        }
        return navigator.serviceWorker.ready;
    }

    async function send(method, subscription) {
        const response = await fetch(path, {
            method,
            credentials: "same-origin",
            keepalive: method === "DELETE",
            headers: { "Content-Type": "application/json", "RequestVerificationToken": meta("antiforgery") },
            body: JSON.stringify(method === "DELETE" ? { endpoint: subscription.endpoint } : subscription.toJSON()),
        });
        if (!response.ok) {
            let title = "";
            try {
                title = (await response.json()).title ?? "";
            } catch {
                title = "";
            }
            throw new Error(title || String(response.status));
        }
    }

    async function state(block) {
        if (block.dataset.pushEnabled !== "true") {
            return "off";
        }
        if (!supported()) {
            return "unsupported";
        }
        if (Notification.permission === "denied") {
            return "blocked";
        }
        try {
            const existing = await (await navigator.serviceWorker.getRegistration("/"))?.pushManager.getSubscription();
            return existing && Notification.permission === "granted" ? "allowed" : "ask";
        } catch {
            return "ask";
        }
    }

    function show(block, name, detail) {
        const status = block.querySelector("[data-push-status]");
        const button = block.querySelector("[data-push-allow]");
        if (status) {
            status.textContent = (block.dataset["text" + name[0].toUpperCase() + name.slice(1)] ?? "") + (detail ? " " + detail : "");
            status.dataset.state = name;
        }
        if (button) {
            // display, not hidden: the button's own class sets display, which would win over the attribute.
            button.style.display = name === "ask" || name === "failed" || name === "working" ? "" : "none";
            button.disabled = name === "working";
        }
    }

    async function refresh(block) {
        show(block, await state(block));
    }

    async function allow(block) {
        show(block, "working");
        try {
            const permission = await Notification.requestPermission();
            if (permission !== "granted") {
                show(block, permission === "denied" ? "blocked" : "ask");
                return;
            }
            const key = await (await fetch("/api/push/kunci", { credentials: "same-origin" })).json();
            if (!key.enabled || !key.publicKey) {
                show(block, "off");
                return;
            }
            const reg = await registration();
            const subscription = await reg.pushManager.getSubscription()
                ?? await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key.publicKey) });
            await send("POST", subscription);
            show(block, "allowed");
        } catch (error) {
            show(block, "failed", error?.message ?? "");
        }
    }

    // Sign-out: the server forgets this browser while the cookie still holds, and the browser drops the subscription.
    async function forget() {
        if (!supported()) {
            return;
        }
        const subscription = await (await navigator.serviceWorker.getRegistration("/"))?.pushManager.getSubscription();
        if (!subscription) {
            return;
        }
        try {
            await send("DELETE", subscription);
        } finally {
            await subscription.unsubscribe();
        }
    }

    // Without the permission there is no subscription that works: sign-out then goes on at once, as before.
    const mayHaveSubscription = () => supported() && Notification.permission === "granted";

    window.readinessPush = { forget, mayHaveSubscription };

    document.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest("[data-push-allow]") : null;
        const block = button?.closest("[data-push]");
        if (block) {
            event.preventDefault();
            allow(block);
        }
    });

    // Blocks appear as Blazor renders pages (and again after an enhanced navigation): each is told its state once.
    const seen = new WeakSet();
    const scan = () => document.querySelectorAll("[data-push]").forEach(block => {
        if (!seen.has(block)) {
            seen.add(block);
            refresh(block);
        }
    });
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
    scan();

    // A phone passed on without a sign-out (a session that ran out): the browser's subscription is bound to whoever is
    // signed in now, once a session, so the next person never gets the last one's notices.
    (async () => {
        const user = meta("readiness-user");
        if (!user || !mayHaveSubscription() || sessionStorage.getItem("readiness:push-bound") === user) {
            return;
        }
        try {
            const existing = await (await navigator.serviceWorker.getRegistration("/"))?.pushManager.getSubscription();
            if (existing) {
                await send("POST", existing);
                sessionStorage.setItem("readiness:push-bound", user);
            }
        } catch {
            // Off on this server, or no link: tried again on the next page.
        }
    })();
})();
