// A wall screen must never show stale status without saying so. The server re-renders the wall's heartbeat
// attribute every second; when it stops (network drop, server down), this keeps counting on the screen itself and
// turns the marker amber after 60 s and red after 5 minutes, whatever the server last said.
//
// And it must never need a human: when the server has been silent for 30 s (its circuit lost, or never started
// because the server was down when the page loaded), it asks /healthz every 10 s and reloads once the server answers.
(() => {
    let lastBeat = null, lastHeard = Date.now(), lastProbe = 0;

    setInterval(() => {
        const wall = document.querySelector("[data-wall-heartbeat]");
        const marker = document.querySelector("[data-staleness]");
        if (!wall || !marker) {
            return;
        }

        const beat = wall.getAttribute("data-wall-heartbeat");
        if (beat !== lastBeat) {
            lastBeat = beat;
            lastHeard = Date.now();
        }

        // While the server talks (a beat in the last 3 s) its own figure stands; when it is silent, count on.
        // Set every second either way: the server only re-renders what changed in its view, not what this changed.
        const silent = Math.floor((Date.now() - lastHeard) / 1000);
        if (silent >= 30 && Date.now() - lastProbe >= 10000) {
            lastProbe = Date.now();
            fetch("/healthz", { cache: "no-store" })
                .then(response => { if (response.ok) { location.reload(); } })
                .catch(() => { /* still down: try again in 10 s */ });
        }

        const serverSays = parseInt(marker.getAttribute("data-heard-seconds") || "0", 10);
        const seconds = silent < 3 ? serverSays : Math.max(silent, serverSays);

        // The thresholds come from the component (StalenessIndicator), so the two can never disagree.
        const amber = parseInt(marker.getAttribute("data-amber-after"), 10);
        const red = parseInt(marker.getAttribute("data-red-after"), 10);
        const level = seconds >= red ? "red" : seconds >= amber ? "amber" : "fresh";
        marker.classList.remove("staleness-fresh", "staleness-amber", "staleness-red");
        marker.classList.add("staleness-" + level);
        marker.setAttribute("data-staleness", level);
        const text = marker.querySelector(".staleness-text");
        if (text) {
            text.textContent = seconds < 120
                ? marker.getAttribute("data-template-seconds").replace("{0}", seconds)
                : marker.getAttribute("data-template-minutes").replace("{0}", Math.floor(seconds / 60));
        }
    }, 1000);
})();
