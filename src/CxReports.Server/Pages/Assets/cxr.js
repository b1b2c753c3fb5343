// CxReports pages: draws each chart from the JSON its page embeds (script type="application/json"; nothing is fetched)
// with Chart.js: exact values in an HTML tooltip (the texts the tables print), legend entries that hide and show a
// series, drag or Ctrl + wheel zoom on time axes with a reset button, arrow keys to step through the points.
"use strict";
(function () {
  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }

  function tooltip(figure, data) {
    var box = figure.querySelector(".chart-tooltip");
    return function (context) {
      var tip = context.tooltip;
      if (!tip || tip.opacity === 0 || !tip.dataPoints || tip.dataPoints.length === 0) { box.hidden = true; return; }
      var index = tip.dataPoints[0].dataIndex;
      box.replaceChildren();
      var title = document.createElement("strong");
      title.textContent = data.categories[index] + (data.partial && data.partial[index] ? " *" : "");
      box.appendChild(title);
      tip.dataPoints.forEach(function (point) {
        var series = data.series[point.datasetIndex];
        var line = document.createElement("div");
        line.className = "tooltip-line";
        var swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = series.color;
        line.appendChild(swatch);
        line.appendChild(document.createTextNode((data.series.length > 1 || series.name ? series.name + ": " : "") + series.texts[index]));
        box.appendChild(line);
      });
      box.hidden = false;
      var area = context.chart.canvas.parentNode;
      var left = Math.min(tip.caretX + 12, area.clientWidth - box.offsetWidth - 4);
      box.style.left = Math.max(0, left) + "px";
      box.style.top = Math.max(0, tip.caretY - box.offsetHeight - 8) + "px";
    };
  }

  // In dark mode the PDF's darkest series colours (navy, near-black) would vanish into the background: the same
  // hues, lightened. Every other colour is the PDF's.
  var darkColors = { "#1F4E79": "#8AB4E0", "#2B2B2B": "#D4D4D4", "#6A3D9A": "#B79BDB", "#0E4D25": "#4FAF6E", "#7A1C14": "#E0705F", "#7F7F7F": "#A6A6A6" };
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;

  function draw(figure) {
    var source = document.getElementById(figure.getAttribute("data-chart"));
    if (!source || typeof Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    if (dark) data.series.forEach(function (series) { series.color = darkColors[series.color] || series.color; });
    var bars = data.kind === "bar" || data.kind === "stacked";
    var stacked = data.kind === "stacked";
    var partial = data.partial || [];
    var ink = css("--ink"), muted = css("--muted"), rule = css("--rule");
    var ticks = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 1, notation: "compact" });
    var datasets = data.series.map(function (series) {
      return {
        label: series.name,
        data: series.values,
        borderColor: series.color,
        backgroundColor: bars
          ? series.values.map(function (_, i) { return partial[i] ? alpha(series.color, 0.4) : series.color; })
          : alpha(series.color, data.kind === "area" ? 0.25 : 1),
        fill: data.kind === "area" ? "origin" : false,
        borderWidth: bars ? 0 : 2,
        pointRadius: data.categories.length > 40 ? 0 : 3,
        pointHoverRadius: 5,
        pointBackgroundColor: series.values.map(function (_, i) { return partial[i] ? css("--bg") : series.color; }),
        segment: { borderDash: function (ctx) { return partial[ctx.p1DataIndex] ? [5, 4] : undefined; } },
        spanGaps: false,
        stack: stacked ? "all" : undefined
      };
    });
    // A margin of error: a shaded band from value - margin to value + margin behind its series (not in the legend or tooltip).
    var bands = {};
    data.series.forEach(function (series, index) {
      if (!series.margins) return;
      bands[index] = [datasets.length, datasets.length + 1];
      var edge = function (sign) {
        return series.values.map(function (v, i) { return v === null || series.margins[i] === null ? null : v + sign * series.margins[i]; });
      };
      datasets.push({ band: true, data: edge(-1), borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, fill: false, spanGaps: false });
      datasets.push({ band: true, data: edge(1), borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, fill: "-1",
        backgroundColor: alpha(series.color, 0.15), spanGaps: false });
    });
    var canvas = figure.querySelector("canvas");
    var reset = figure.querySelector(".reset-zoom");
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: stacked, ticks: { color: muted, autoSkip: true, maxRotation: 0 }, grid: { display: false }, border: { color: rule } },
        y: {
          stacked: stacked, beginAtZero: bars || data.kind === "area",
          ticks: { color: muted, callback: function (value) { return (data.axisPrefix || "") + ticks.format(value) + (data.axisSuffix || ""); } },
          grid: { color: rule }, border: { display: false }
        }
      },
      plugins: {
        legend: { display: data.series.length > 1, position: "bottom",
          labels: { color: ink, usePointStyle: true, boxHeight: 8, filter: function (item) { return item.datasetIndex < data.series.length; } },
          // A series hides and shows with its band.
          onClick: function (event, item, legend) {
            var chart = legend.chart, visible = chart.isDatasetVisible(item.datasetIndex);
            [item.datasetIndex].concat(bands[item.datasetIndex] || []).forEach(function (d) { chart.setDatasetVisibility(d, !visible); });
            chart.update();
          } },
        tooltip: { enabled: false, external: tooltip(figure, data), filter: function (item) { return item.datasetIndex < data.series.length; } }
      }
    };
    if (data.isTime && typeof ChartZoom !== "undefined") {
      options.plugins.zoom = {
        zoom: {
          drag: { enabled: true, backgroundColor: alpha("#1F4E79", 0.15) },
          wheel: { enabled: true, modifierKey: "ctrl" },
          mode: "x",
          onZoomComplete: function () { if (reset) reset.hidden = false; }
        },
        limits: { x: { minRange: 2 } }
      };
    }
    var chart = new Chart(canvas, { type: bars ? "bar" : "line", data: { labels: data.categories, datasets: datasets }, options: options });
    if (reset) reset.addEventListener("click", function () { chart.resetZoom(); reset.hidden = true; });

    // Keyboard: the canvas takes focus; arrows step through the categories and show their tooltip.
    var active = -1;
    canvas.tabIndex = 0;
    canvas.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      event.preventDefault();
      var count = data.categories.length;
      active = event.key === "ArrowRight" ? Math.min(count - 1, active + 1) : Math.max(0, active < 0 ? 0 : active - 1);
      var elements = data.series.map(function (_, d) { return { datasetIndex: d, index: active }; })
        .filter(function (e) { return chart.isDatasetVisible(e.datasetIndex) && data.series[e.datasetIndex].values[active] !== null; });
      var meta = chart.getDatasetMeta(elements.length ? elements[0].datasetIndex : 0).data[active];
      chart.setActiveElements(elements);
      chart.tooltip.setActiveElements(elements, meta ? { x: meta.x, y: meta.y } : { x: 0, y: 0 });
      chart.update();
    });
    canvas.addEventListener("blur", function () { chart.tooltip.setActiveElements([], { x: 0, y: 0 }); chart.update(); });
    figure.setAttribute("data-chart-ready", "");
  }

  function start() { document.querySelectorAll("figure.chart[data-chart]").forEach(draw); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
