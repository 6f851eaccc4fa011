// The modal's behaviour; the states arrive as "components-reconnect-state-changed" events (see js/blazor-start.js).
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", () => location.reload());

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show" || state === "retrying") {
        if (!reconnectModal.open) {
            reconnectModal.showModal();
        }
    } else if (state === "hide") {
        reconnectModal.close();
    } else if (state === "rejected") {
        // The server is back but no longer knows this circuit (it restarted): start afresh with current data.
        location.reload();
    } else if (state === "failed") {
        if (!reconnectModal.open) {
            reconnectModal.showModal();
        }
    }
}
