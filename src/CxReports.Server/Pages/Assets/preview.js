// cxr preview: reload the page when the served model changes or a change is refused (server-sent events from
// /events); the server then renders the new version, or the last good one under the refused change's diagnostics.
"use strict";
(function () {
  if (typeof EventSource === "undefined") return;
  var events = new EventSource("/events");
  events.addEventListener("reload", function () { events.close(); window.location.reload(); });
})();
