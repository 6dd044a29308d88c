// Connect the terminal to this session's own app process (its token is the last part of the
// address), on whatever host and scheme the page came from, and explain why a session ended.
(function () {
  "use strict";
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener("close", function (event) {
        const known = event.code >= 4001 && event.code <= 4004;
        document.body.dataset.close = known ? String(event.code) : "other";
      });
    }
  }
  window.WebSocket = Watched;
  document.addEventListener("DOMContentLoaded", function () {
    const token = window.location.pathname.split("/").pop();
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    const terminal = document.getElementById("terminal");
    terminal.dataset.sessionWebsocketUrl = scheme + window.location.host + "/ws/" + token;
    for (const button of document.querySelectorAll("button.again")) {
      button.addEventListener("click", function () { window.location.reload(); });
    }
  });
})();
