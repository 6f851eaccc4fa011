// The liaison in the field: a status tap on /tugas or /butir never waits for, or dies with, the circuit. While the
// page's circuit is not up (the first, prerendered page; a dropped or weak link) a tap is kept on the phone
// (IndexedDB, per user) and sent over plain HTTP (api/butir/{id}/status, with the page's antiforgery token and the
// tap's own operation id, so a replay changes nothing), in order, each once, as soon as the link allows. A slim bar
// says what waits; a conflict or a refusal found on return is shown on that card. With the circuit up, the page's
// own buttons do the work. Signing out sends what waits first, or names what would be lost. A number typed on the
// card ("Sudah 38 dari 45") travels with the tap, as it does on a live page: officials report in numbers.
(() => {
    const en = document.documentElement.lang === "en";
    const text = en ? {
        offline: n => `Offline · ${n} change${n === 1 ? "" : "s"} waiting to be sent`,
        sending: n => `Sending ${n} change${n === 1 ? "" : "s"}…`,
        waiting: n => `${n} change${n === 1 ? "" : "s"} waiting to be sent`,
        sent: "Sent",
        queued: "Saved on this phone · will be sent",
        saved: "Saved",
        conflict: (who, status) => `Changed meanwhile by ${who} to ${status}. Your change was not saved.`,
        applyMine: "Apply mine",
        keepTheirs: "Keep theirs",
        blockedNote: "Kendala: what blocks it and what is needed?",
        save: "Save as Kendala",
        cancel: "Cancel",
        unsent: n => `${n} change${n === 1 ? "" : "s"} not yet sent will be lost if you sign out now. Sign out anyway?`,
        signIn: n => `Signed out · sign in again to send ${n} change${n === 1 ? "" : "s"}`,
    } : {
        offline: n => `Luring · ${n} perubahan menunggu dikirim`,
        sending: n => `Mengirim ${n} perubahan…`,
        waiting: n => `${n} perubahan menunggu dikirim`,
        sent: "Terkirim",
        queued: "Disimpan di ponsel · akan dikirim",
        saved: "Tersimpan",
        conflict: (who, status) => `Sementara itu diubah oleh ${who} menjadi ${status}. Perubahan Anda belum disimpan.`,
        applyMine: "Terapkan milik saya",
        keepTheirs: "Biarkan milik mereka",
        blockedNote: "Kendala: apa yang menghambat dan apa yang dibutuhkan?",
        save: "Simpan sebagai Kendala",
        cancel: "Batal",
        unsent: n => `${n} perubahan belum terkirim dan akan hilang bila Anda keluar sekarang. Tetap keluar?`,
        signIn: n => `Sesi berakhir · masuk lagi untuk mengirim ${n} perubahan`,
    };
    const statusNames = en
        ? { belum: "Not started", proses: "In progress", siap: "Ready", kendala: "Blocked" }
        : { belum: "Belum mulai", proses: "Dalam proses", siap: "Siap", kendala: "Kendala" };
    const meta = name => document.querySelector(`meta[name='${name}']`)?.content || "";
    const user = meta("readiness-user");
    // A kecamatan page with the figures form of its liaison is one too: a figure saved there waits in this queue (js/figures.js).
    const fieldPage = () => /^\/(tugas|butir)(\/|$)/.test(location.pathname) || document.querySelector("[data-figures-form]") !== null;
    let circuitDown = false;
    let flushing = false;
    let flushAgain = false;
    // What waits on the phone as last read: a sign-out with nothing waiting is not held up at all.
    let knownWaiting = 0;
    let retryTimer = null;
    // The server answered 401: what waits is kept until this page is signed in again.
    let signedOut = false;
    const senders = {};

    // The circuit has taken the page over when the layout says so, and is up unless the reconnect notice is showing.
    const circuitUp = () => !circuitDown && document.querySelector("main[data-interactive='true']") !== null;
    document.addEventListener("readiness-circuit", e => {
        circuitDown = !e.detail.up;
        refreshBar();
        if (e.detail.up) {
            flush();
        }
    });

    function openDb() {
        return new Promise((resolve, reject) => {
            const request = indexedDB.open("kesiapan-lapangan", 1);
            request.onupgradeneeded = () => request.result.createObjectStore("antrian", { keyPath: "seq", autoIncrement: true });
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    async function withStore(mode, work) {
        const db = await openDb();
        try {
            return await new Promise((resolve, reject) => {
                const tx = db.transaction("antrian", mode);
                const result = work(tx.objectStore("antrian"));
                tx.oncomplete = () => resolve(result && "result" in result ? result.result : result);
                tx.onerror = () => reject(tx.error);
                tx.onabort = () => reject(tx.error);
            });
        } finally {
            db.close();
        }
    }

    const all = () => withStore("readonly", store => store.getAll());
    const mine = async () => (await all()).filter(e => e.user === user);
    const put = entry => withStore("readwrite", store => store.put(entry));
    const remove = seq => withStore("readwrite", store => store.delete(seq));

    async function clearMine() {
        for (const entry of await mine()) {
            await remove(entry.seq);
        }
    }

    // The bar: what waits, while anything waits or the link is down; "Terkirim" for a moment after the last send.
    let bar = null;
    let sentTimer = null;
    async function refreshBar(message) {
        if (!user) {
            return;
        }

        const waiting = (await mine()).length;
        knownWaiting = waiting;
        if (!fieldPage()) {
            return;
        }

        if (!bar) {
            bar = document.createElement("div");
            bar.id = "field-bar";
            bar.setAttribute("role", "status");
            bar.setAttribute("aria-live", "polite");
            document.body.appendChild(bar);
        }

        const offline = !navigator.onLine || circuitDown;
        clearTimeout(sentTimer);
        if (message) {
            bar.textContent = message;
            bar.hidden = false;
            sentTimer = setTimeout(() => refreshBar(), 3000);
        } else if (waiting > 0) {
            bar.textContent = signedOut ? text.signIn(waiting) : offline ? text.offline(waiting) : flushing ? text.sending(waiting) : text.waiting(waiting);
            bar.hidden = false;
        } else if (offline) {
            bar.textContent = text.offline(0);
            bar.hidden = false;
        } else {
            bar.hidden = true;
        }
        bar.classList.toggle("offline", offline);
    }

    function card(itemId) {
        return document.querySelector(`article[data-item='${itemId}']`);
    }

    // What the card shows of a tap it cannot wait for the circuit to render: the pressed button and a line of state.
    function mark(itemId, status, line, isError) {
        const article = card(itemId);
        if (!article) {
            return;
        }

        if (status) {
            article.querySelectorAll("[data-tap-status]").forEach(b =>
                b.setAttribute("aria-pressed", b.dataset.tapStatus === status ? "true" : "false"));
            article.dataset.tapped = status;
        }

        let note = article.querySelector(".field-state");
        if (!note) {
            note = document.createElement("div");
            note.className = "field-state";
            article.querySelector(".status-buttons")?.after(note);
        }

        note.textContent = line;
        note.setAttribute("role", isError ? "alert" : "status");
        note.classList.toggle("error", !!isError);
    }

    // What the liaison typed in the card's number fields and has not saved: done and target as numbers, only those
    // that differ from what the page was rendered with (null: unchanged, as the server reads it). Text is refused here
    // with the page's own message (the same rule as ItemNumbers.Parse); bounds and "done above target" are the
    // server's, answered like any refusal.
    function typedNumbers(article) {
        const itemId = article.dataset.item;
        const numbers = { done: null, target: null };
        for (const [key, input] of [["done", article.querySelector(`#done-${itemId}`)], ["target", article.querySelector(`#target-${itemId}`)]]) {
            if (!input || input.value.trim() === input.defaultValue.trim()) {
                continue;
            }

            const digits = input.value.replace(/[.,\s]/g, "");
            if (digits === "") {
                continue;
            }

            if (!/^\d{1,6}$/.test(digits)) {
                return { error: input.dataset.invalid || input.value };
            }

            numbers[key] = Number(digits);
        }

        // A new target alone keeps the done the item shows: the number is sent whole, as the circuit sends it.
        const done = article.querySelector(`#done-${itemId}`);
        if (numbers.target !== null && numbers.done === null && done && /^\d+$/.test(done.defaultValue.trim())) {
            numbers.done = Number(done.defaultValue.trim());
        }

        return numbers;
    }

    // After the server took a number: the card reads it ("38/45 TPS") and its fields hold it as the saved value.
    function showNumber(itemId, item) {
        const article = card(itemId);
        if (!article || !item?.unit) {
            return;
        }

        const line = article.querySelector(".item-number-text strong");
        if (line) {
            line.textContent = `${item.done ?? "-"}${item.target != null ? `/${item.target}` : ""} ${item.unit}`;
        }

        for (const [input, value] of [[article.querySelector(`#done-${itemId}`), item.done], [article.querySelector(`#target-${itemId}`), item.target]]) {
            if (input) {
                input.defaultValue = input.value = value ?? "";
            }
        }
    }

    async function enqueue(itemId, status, note, expectedVersion, numbers) {
        knownWaiting++;
        await put({
            user, itemId, status, note, expectedVersion,
            done: numbers?.done ?? null, target: numbers?.target ?? null,
            operationId: crypto.randomUUID ? crypto.randomUUID() : uuid(),
            at: Date.now(),
        });
        const article = card(itemId);
        if (article) {
            article.dataset.tappedNote = note ?? "";
        }

        // Sent with the tap: not handed again to the live card as if still unsaved.
        typed.delete(`done-${itemId}`);
        typed.delete(`target-${itemId}`);
        mark(itemId, status, text.queued);
        await refreshBar();
        flush();
    }

    function uuid() {
        const b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const h = [...b].map(x => x.toString(16).padStart(2, "0")).join("");
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }

    // Sends what waits, oldest first, one at a time: a later tap on the same item builds on the earlier one's version.
    async function flush() {
        if (flushing) {
            // A tap or photo queued while a flush runs may land after its last read of the queue: it goes again then.
            flushAgain = true;
            return;
        }

        if (!user || !navigator.onLine || signedOut) {
            return;
        }

        flushing = true;
        flushAgain = false;
        let sent = 0;
        let drained = false;
        try {
            for (;;) {
                const queue = await mine();
                if (queue.length === 0) {
                    drained = true;
                    break;
                }

                await refreshBar();
                const entry = queue[0];
                // Other kinds of waiting work (evidence: js/evidence.js) share this queue and bar, sent by their own
                // sender; one whose sender has not loaded yet waits for it.
                if (entry.kind) {
                    const sender = senders[entry.kind];
                    const outcome = sender ? await sender(entry) : "wait";
                    if (outcome === "retry") {
                        scheduleRetry();
                    }

                    if (outcome === "signin") {
                        signedOut = true;
                    }

                    if (outcome === "retry" || outcome === "wait" || outcome === "signin") {
                        break;
                    }

                    await remove(entry.seq);
                    sent += outcome === "sent" ? 1 : 0;
                    continue;
                }

                let response;
                try {
                    response = await fetch(`api/butir/${entry.itemId}/status`, {
                        method: "POST",
                        credentials: "same-origin",
                        headers: { "Content-Type": "application/json", "RequestVerificationToken": meta("antiforgery") },
                        body: JSON.stringify({
                            expectedVersion: entry.expectedVersion, status: entry.status, note: entry.note, operationId: entry.operationId,
                            done: entry.done ?? null, target: entry.target ?? null,
                        }),
                    });
                } catch {
                    scheduleRetry();
                    break;
                }

                if (response.status >= 500 || response.status === 429 || response.status === 408) {
                    scheduleRetry();
                    break;
                }

                // Signed out meanwhile (the cookie ran out on a long day offline): nothing is dropped; it waits for a
                // sign-in on this phone, and the bar says so.
                if (response.status === 401) {
                    signedOut = true;
                    break;
                }

                const answer = await response.json().catch(() => null);
                await remove(entry.seq);
                if (response.ok && answer?.item) {
                    sent++;
                    await carry(entry.itemId, entry.expectedVersion, answer.item.version);
                    mark(entry.itemId, answer.item.status, text.saved);
                    showNumber(entry.itemId, answer.item);
                } else if (response.status === 409 && answer?.item) {
                    showConflict(entry, answer.item);
                } else {
                    mark(entry.itemId, null, answer?.title || `HTTP ${response.status}`, true);
                }
            }
        } finally {
            flushing = false;
        }

        await refreshBar(sent > 0 && (await mine()).length === 0 ? text.sent : undefined);
        // Only when this pass emptied the queue: one that stopped (a retry is scheduled, a sign-in or a sender is
        // awaited) takes what came meanwhile when it goes on.
        if (flushAgain && drained) {
            flushAgain = false;
            flush();
        }
    }

    // The liaison's own later taps on an item were made on top of the earlier one: they expect its new version.
    async function carry(itemId, fromVersion, toVersion) {
        const article = card(itemId);
        if (article) {
            article.dataset.version = toVersion;
        }

        for (const entry of await mine()) {
            if (entry.itemId === itemId && entry.expectedVersion === fromVersion) {
                entry.expectedVersion = toVersion;
                await put(entry);
            }
        }
    }

    function scheduleRetry() {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(flush, 5000);
    }

    function showConflict(entry, theirs) {
        mark(entry.itemId, theirs.status, text.conflict(theirs.updatedBy || "?", statusNames[theirs.status] || theirs.status), true);
        const line = card(entry.itemId)?.querySelector(".field-state");
        if (!line) {
            return;
        }

        const actions = document.createElement("div");
        actions.className = "field-actions";
        const apply = button(text.applyMine, () => {
            actions.remove();
            enqueue(entry.itemId, entry.status, entry.note, theirs.version, { done: entry.done, target: entry.target });
        });
        const keep = button(text.keepTheirs, () => {
            actions.remove();
            line.remove();
        });
        actions.append(apply, keep);
        line.append(actions);
    }

    function button(label, onClick) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small";
        b.textContent = label;
        b.addEventListener("click", onClick);
        return b;
    }

    // Kendala needs its note: asked for on the card itself when the circuit cannot open its own box.
    function askNote(article, itemId, expectedVersion, numbers) {
        article.querySelector(".field-note")?.remove();
        const form = document.createElement("form");
        form.className = "field-note";
        const id = `field-note-${itemId}`;
        form.innerHTML = `<label for="${id}"></label><textarea id="${id}" rows="3" maxlength="1000" required></textarea><div class="field-actions"></div>`;
        form.querySelector("label").textContent = text.blockedNote;
        form.querySelector(".field-actions").append(button(text.save, () => form.requestSubmit()), button(text.cancel, () => form.remove()));
        form.querySelector(".field-actions button").type = "submit";
        form.addEventListener("submit", e => {
            e.preventDefault();
            const note = form.querySelector("textarea").value.trim();
            if (note) {
                form.remove();
                enqueue(itemId, "kendala", note, expectedVersion, numbers);
            }
        });
        article.querySelector(".status-buttons")?.after(form);
        form.querySelector("textarea").focus();
    }

    // Before Blazor's own handlers (capture on window): a tap the circuit cannot take is taken here.
    window.addEventListener("click", e => {
        const target = e.target instanceof Element ? e.target.closest("[data-tap-status], [data-tap-number]") : null;
        if (!target || !user || circuitUp()) {
            return;
        }

        const article = target.closest("article[data-item]");
        if (!article) {
            return;
        }

        e.preventDefault();
        e.stopImmediatePropagation();
        const itemId = Number(article.dataset.item);
        const expectedVersion = Number(article.dataset.version);
        const current = article.dataset.tapped || article.dataset.itemStatus;
        // "Simpan angka" is a tap on the status the item has: the number alone changes.
        const status = target.dataset.tapStatus || current;
        const numbers = typedNumbers(article);
        if (numbers.error) {
            mark(itemId, null, numbers.error, true);
            return;
        }

        const numberTyped = numbers.done !== null || numbers.target !== null;
        if (status === current && numberTyped) {
            // The same status with a new number (or "Simpan angka"): the note stays, as on a live page; a Kendala
            // keeps the note it has instead of asking again. The note is the item's, or that of this page's own last tap.
            const note = "tappedNote" in article.dataset ? article.dataset.tappedNote || null
                : article.querySelector(".item-state + .item-note")?.textContent.trim() || null;
            enqueue(itemId, status, note, expectedVersion, numbers);
        } else if (target.dataset.tapNumber) {
            // "Simpan angka" with nothing typed: nothing to send.
        } else if (status === "kendala") {
            askNote(article, itemId, expectedVersion, numbers);
        } else if (status !== current) {
            enqueue(itemId, status, null, expectedVersion, numbers);
        }
    }, true);

    // Signing out: send what waits first; what cannot be sent is named before it is dropped with the user's drafts.
    // On window, in the capture phase: before js/sign-out.js (on document), whichever of the two scripts ran first.
    window.addEventListener("submit", async e => {
        const form = e.target;
        if (!(form instanceof HTMLFormElement) || !/\/keluar$/.test(new URL(form.action, location.href).pathname) || form.dataset.fieldChecked
            || (knownWaiting === 0 && !flushing)) {
            return;
        }

        e.preventDefault();
        e.stopImmediatePropagation();
        await flush();
        const left = (await mine()).length;
        if (left > 0 && !confirm(text.unsent(left))) {
            return;
        }

        await clearMine();
        navigator.serviceWorker?.controller?.postMessage("signed-out");
        form.dataset.fieldChecked = "true";
        form.requestSubmit();
    }, true);

    // Typed before the circuit is up (a search box on a slow link): kept, and handed to the circuit's own box once it
    // has taken the page over, so the text is neither lost nor ignored. Enter in the task search goes to the same
    // address the circuit would (?cari=), which the server renders without the circuit.
    const typed = new Map();
    const keyOf = input => input.getAttribute("placeholder") || input.getAttribute("aria-label") || input.name
        || (input.classList.contains("number-input") ? input.id : "");
    document.addEventListener("input", e => {
        const input = e.target;
        if (!circuitUp() && input instanceof HTMLInputElement && /^(search|text)$/.test(input.type) && keyOf(input)) {
            typed.set(keyOf(input), input.value);
        }
    }, true);
    document.addEventListener("keydown", e => {
        const input = e.target;
        if (e.key !== "Enter" || circuitUp() || !(input instanceof HTMLInputElement) || !input.closest(".task-search")) {
            return;
        }

        e.preventDefault();
        const address = new URL(location.href);
        address.searchParams.delete("hal");
        if (input.value.trim()) {
            address.searchParams.set("cari", input.value.trim());
        } else {
            address.searchParams.delete("cari");
        }

        location.assign(address);
    }, true);
    const observeTyped = () => new MutationObserver(() => {
        if (typed.size === 0 || !circuitUp()) {
            return;
        }

        for (const input of document.querySelectorAll("input")) {
            const value = typed.get(keyOf(input));
            if (value !== undefined && input.value !== value) {
                input.value = value;
                input.dispatchEvent(new Event("input", { bubbles: true }));
                input.dispatchEvent(new Event("change", { bubbles: true }));
            }
        }

        typed.clear();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-interactive"] });

    // Read by the weak-link drivers in bench/: from here on a tap on the page is taken, circuit or not. This script
    // may run in the head while the page still streams in: what needs the whole page waits for it.
    // enqueue and senders let js/evidence.js put its uploads in this queue, under this bar; it starts on
    // "readiness-field" when it ran first. js/figures.js does the same for a kecamatan's figures, and asks circuitUp
    // whether the page's own button can take a save.
    window.readinessField = {
        ready: true,
        senders,
        circuitUp,
        uuid,
        flush,
        enqueue: async entry => {
            await put({ ...entry, user });
            await refreshBar();
            await flush();
        },
    };
    document.dispatchEvent(new Event("readiness-field"));
    window.addEventListener("online", () => { refreshBar(); flush(); });
    window.addEventListener("offline", () => refreshBar());
    const start = () => {
        observeTyped();
        // The phone app: its files and the last task list kept for a start without a signal (sw.js).
        if ("serviceWorker" in navigator && user) {
            navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { });
        }

        if (user) {
            refreshBar();
            flush();
        }
    };
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start, { once: true });
    } else {
        start();
    }
})();
