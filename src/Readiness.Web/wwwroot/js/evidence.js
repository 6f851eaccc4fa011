// Evidence from the field: a photo or PDF chosen on an item page is reduced on the phone (a photo to a JPEG of at most
// 1600 px and about 300 KB: less to send on a weak link, and the canvas drops the camera's metadata before it leaves
// the phone), then put in the same waiting queue as status taps (js/field.js) with its own operation id, and sent to
// POST api/butir/{id}/bukti when the link allows, exactly once (a replay with the same id stores nothing). The
// server checks and re-encodes again: this reduction is for the link, not for safety.
(function evidence() {
    const field = window.readinessField;
    if (!field?.senders) {
        // js/field.js runs async in the head and may come after this script: start once it has run.
        document.addEventListener("readiness-field", evidence, { once: true });
        return;
    }

    const en = document.documentElement.lang === "en";
    const text = en ? {
        preparing: "Preparing the photo…",
        queued: "Saved on this phone · will be sent",
        sending: "Sending evidence…",
        sent: "Evidence sent",
        tooLarge: "The file is too large: at most 5 MB.",
    } : {
        preparing: "Menyiapkan foto…",
        queued: "Disimpan di ponsel · akan dikirim",
        sending: "Mengirim bukti…",
        sent: "Bukti terkirim",
        tooLarge: "Berkas terlalu besar: paling besar 5 MB.",
    };
    const maxSide = 1600;
    const targetBytes = 300 * 1024;
    const maxUpload = 5 * 1024 * 1024;
    const meta = name => document.querySelector(`meta[name='${name}']`)?.content || "";

    function say(itemId, message, isError) {
        const line = document.querySelector(`[data-evidence-status='${itemId}']`);
        if (line) {
            line.textContent = message;
            line.classList.toggle("error", !!isError);
        }
    }

    const toBlob = (canvas, quality) => new Promise(resolve => canvas.toBlob(resolve, "image/jpeg", quality));

    // A photo the browser cannot decode (HEIC on some phones) goes as it is: the server names what it refuses.
    async function reduce(file) {
        if (!file.type.startsWith("image/")) {
            return { blob: file, name: file.name };
        }

        let bitmap;
        try {
            bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
        } catch {
            return { blob: file, name: file.name };
        }

        let side = maxSide;
        for (;;) {
            const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
            const canvas = document.createElement("canvas");
            canvas.width = Math.max(1, Math.round(bitmap.width * scale));
            canvas.height = Math.max(1, Math.round(bitmap.height * scale));
            const context = canvas.getContext("2d");
            context.fillStyle = "#fff";
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
            for (const quality of [0.8, 0.7, 0.6, 0.5]) {
                const blob = await toBlob(canvas, quality);
                if (blob && (blob.size <= targetBytes || (quality === 0.5 && side <= 800))) {
                    bitmap.close();
                    return { blob, name: file.name.replace(/\.[^.]*$/, "") + ".jpg" };
                }
            }

            side = Math.round(side * 0.75);
        }
    }

    document.addEventListener("change", async e => {
        const input = e.target;
        if (!(input instanceof HTMLInputElement) || !input.dataset.evidenceItem || !input.files?.length) {
            return;
        }

        const itemId = input.dataset.evidenceItem;
        const file = input.files[0];
        input.value = "";
        if (file.size > maxUpload && !file.type.startsWith("image/")) {
            say(itemId, text.tooLarge, true);
            return;
        }

        say(itemId, text.preparing);
        const { blob, name } = await reduce(file);
        say(itemId, navigator.onLine ? text.sending : text.queued);
        await field.enqueue({ kind: "bukti", itemId, blob, name, operationId: field.uuid() });
    }, true);

    field.senders.bukti = async entry => {
        const form = new FormData();
        form.append("operationId", entry.operationId);
        form.append("file", entry.blob, entry.name);
        let response;
        try {
            say(entry.itemId, text.sending);
            response = await fetch(`api/butir/${entry.itemId}/bukti`, {
                method: "POST",
                credentials: "same-origin",
                headers: { "RequestVerificationToken": meta("antiforgery") },
                body: form,
            });
        } catch {
            say(entry.itemId, text.queued);
            return "retry";
        }

        if (response.status >= 500 || response.status === 429 || response.status === 408) {
            say(entry.itemId, text.queued);
            return "retry";
        }

        // Signed out meanwhile (a cookie that ran out on a long day offline): the photo waits for the next sign-in.
        if (response.status === 401) {
            say(entry.itemId, text.queued);
            return "signin";
        }

        const answer = await response.json().catch(() => null);
        if (response.ok) {
            say(entry.itemId, text.sent);
            return "sent";
        }

        say(entry.itemId, answer?.title || `HTTP ${response.status}`, true);
        return "refused";
    };

    // Uploads left waiting by an earlier page go now that their sender is here.
    field.flush();
})();
