// Figures from the field: a kecamatan's TPS count (the KPU liaison's) or Polri's four classes of its TPS (the Polri
// liaison's), saved on the figures panel while the page's circuit or the phone's network is down, are not lost. The
// save is kept in the same waiting queue as status taps (js/field.js, IndexedDB, per user) with its own operation id
// and the figures version the liaison saw, and sent to POST api/wilayah/{code}/angka when the link allows, exactly
// once (a replay with the same id writes nothing). The panel's line says "Menunggu sinyal · Jumlah TPS 47" until it
// is sent, then "Tersimpan · Jumlah TPS 47"; a change someone else made meanwhile is named there, with the choice to
// apply one's own figures on top of it or keep theirs. The words come from the panel (data-text-*, from the resources).
(function figures() {
    const field = window.readinessField;
    if (!field?.senders) {
        // js/field.js runs async in the head and may come after this script: start once it has run.
        document.addEventListener("readiness-field", figures, { once: true });
        return;
    }

    const meta = name => document.querySelector(`meta[name='${name}']`)?.content || "";
    const order = ["tps", "kurang_rawan", "rawan", "sangat_rawan", "khusus"];
    const jsonName = { tps: "tps", kurang_rawan: "kurangRawan", rawan: "rawan", sangat_rawan: "sangatRawan", khusus: "khusus" };
    // Versions this page moved a kecamatan's figures from and to: a second save kept while offline was made on top of
    // the first, and expects the version the first one made.
    const moved = new Map();

    const lineOf = code => document.querySelector(`[data-figures-pending='${CSS.escape(code)}']`);
    const format = (template, ...args) => (template || "").replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? "");

    // "Jumlah TPS 47" or "TPS kurang rawan 10, TPS rawan 3, ...", in the panel's own words.
    function describe(line, values) {
        const labels = (line?.dataset.figuresLabels || "").split("|");
        return order.filter(f => values[f] !== undefined && values[f] !== null)
            .map(f => `${labels[order.indexOf(f)] || f} ${values[f]}`).join(", ");
    }

    function say(code, key, args, isError) {
        const line = lineOf(code);
        if (!line) {
            return null;
        }

        line.textContent = format(line.dataset[key], ...args);
        line.setAttribute("role", isError ? "alert" : "status");
        line.classList.toggle("error", !!isError);
        return line;
    }

    function setVersion(code, version) {
        document.querySelectorAll(`[data-figures-form='${CSS.escape(code)}']`).forEach(form => form.dataset.figuresVersion = version);
    }

    function button(label, onClick) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small";
        b.textContent = label;
        b.addEventListener("click", onClick);
        return b;
    }

    async function enqueue(code, electionId, expectedVersion, values) {
        say(code, "textPending", [describe(lineOf(code), values)]);
        await field.enqueue({ kind: "angka", code, electionId, expectedVersion, values, operationId: field.uuid() });
    }

    // Before Blazor's own handlers (capture on window): a save the circuit cannot take, or cannot send, is taken here.
    window.addEventListener("click", e => {
        const save = e.target instanceof Element ? e.target.closest("[data-figures-save]") : null;
        if (!save || (field.circuitUp() && navigator.onLine)) {
            return;
        }

        const form = save.closest("[data-figures-form]");
        if (!form) {
            return;
        }

        e.preventDefault();
        e.stopImmediatePropagation();
        const code = form.dataset.figuresForm;
        const names = form.dataset.figuresFields.split(",");
        const inputs = [...form.querySelectorAll("input")];
        const values = {};
        for (const [i, name] of names.entries()) {
            // The same reading as the live panel's: digits, with the thousands dots an Indonesian may type; a word or a
            // sign is refused here, the bound is the server's and comes back as its message.
            const digits = (inputs[i]?.value || "").replace(/[.,\s]/g, "");
            if (!/^\d{1,9}$/.test(digits)) {
                say(code, "textInvalid", [], true);
                return;
            }

            values[name] = Number(digits);
        }

        enqueue(code, Number(form.dataset.figuresElection), Number(form.dataset.figuresVersion), values);
    }, true);

    field.senders.angka = async entry => {
        let version = entry.expectedVersion;
        while (moved.has(`${entry.code}|${version}`)) {
            version = moved.get(`${entry.code}|${version}`);
        }

        const body = { expectedVersion: version, operationId: entry.operationId, electionId: entry.electionId };
        for (const [name, value] of Object.entries(entry.values)) {
            body[jsonName[name]] = value;
        }

        const mine = describe(lineOf(entry.code), entry.values);
        let response;
        try {
            say(entry.code, "textSending", [mine]);
            response = await fetch(`api/wilayah/${encodeURIComponent(entry.code)}/angka`, {
                method: "POST",
                credentials: "same-origin",
                headers: { "Content-Type": "application/json", "RequestVerificationToken": meta("antiforgery") },
                body: JSON.stringify(body),
            });
        } catch {
            say(entry.code, "textPending", [mine]);
            return "retry";
        }

        if (response.status >= 500 || response.status === 429 || response.status === 408) {
            say(entry.code, "textPending", [mine]);
            return "retry";
        }

        // Signed out meanwhile (a cookie that ran out on a long day offline): the save waits for the next sign-in.
        if (response.status === 401) {
            say(entry.code, "textPending", [mine]);
            return "signin";
        }

        const answer = await response.json().catch(() => null);
        const theirs = answer?.figures;
        if (response.ok && theirs) {
            if (theirs.version !== version) {
                moved.set(`${entry.code}|${version}`, theirs.version);
            }

            setVersion(entry.code, theirs.version);
            const saved = Object.fromEntries(Object.keys(entry.values).map(name => [name, theirs[jsonName[name]]]));
            say(entry.code, "textSaved", [describe(lineOf(entry.code), saved)]);
            return "sent";
        }

        if (response.status === 409 && theirs) {
            setVersion(entry.code, theirs.version);
            const now = Object.fromEntries(Object.keys(entry.values).map(name => [name, theirs[jsonName[name]]]));
            const line = say(entry.code, "textConflict", [theirs.updatedBy || "?", describe(lineOf(entry.code), now), mine], true);
            if (line) {
                const actions = document.createElement("div");
                actions.className = "field-actions";
                actions.append(
                    button(line.dataset.textApplyMine, () => enqueue(entry.code, entry.electionId, theirs.version, entry.values)),
                    button(line.dataset.textKeepTheirs, () => { line.textContent = ""; }));
                line.append(actions);
            }

            return "refused";
        }

        const refused = lineOf(entry.code);
        if (refused) {
            refused.textContent = answer?.title || `HTTP ${response.status}`;
            refused.setAttribute("role", "alert");
            refused.classList.add("error");
        }

        return "refused";
    };

    // Saves left waiting by an earlier page go now that their sender is here.
    field.flush();
})();
