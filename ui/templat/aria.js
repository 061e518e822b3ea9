// Dasbor KLA: give every chart drawn through ui.unduh.gambar an accessible name.
// The wrapper writes the name as a hidden paragraph (class kla-nama-grafik, with an id) right after
// the chart; Streamlit's sanitiser drops a script whose text holds a less-than sign before a letter;
// this script points the chart's container at it (role="figure", aria-labelledby). One observer
// per browser tab survives reruns and page changes, which replace the chart elements (Streamlit
// 1.67 mounts a chart anew whenever its figure changes: its element id hashes the figure).
(() => {
  if (window.__klaAria) {
    return;
  }
  window.__klaAria = true;
  const GRAFIK = '[data-testid="stPlotlyChart"]';
  const pasang = () => {
    document.querySelectorAll(".kla-nama-grafik[id]").forEach((nama) => {
      const wadah = nama.closest('[data-testid="stElementContainer"]');
      for (let kakak = wadah && wadah.previousElementSibling; kakak; kakak = kakak.previousElementSibling) {
        const grafik = kakak.matches(GRAFIK) ? kakak : kakak.querySelector(GRAFIK);
        if (grafik) {
          if (grafik.getAttribute("aria-labelledby") !== nama.id) {
            grafik.setAttribute("role", "figure");
            grafik.setAttribute("aria-labelledby", nama.id);
          }
          break;
        }
      }
    });
  };
  // Linked in the same turn the DOM changes, as soon as a chart and its name are both in the page.
  // Removals count too: a new chart can sit behind the one it displaces until that one goes. Until
  // run (r) a 50 ms debounce linked a chart up to 50 ms after Streamlit had shown it, and that
  // attribute was the page's last change after a switch (what the latency bench waits for).
  new MutationObserver(pasang).observe(document.body, { childList: true, subtree: true });
  pasang();
})();
