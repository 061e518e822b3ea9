// Dasbor KLA: give every chart drawn through ui.unduh.gambar an accessible name.
// The wrapper writes the name as a hidden paragraph (class kla-nama-grafik, with an id) right after
// the chart; Streamlit's sanitiser drops a script whose text holds a less-than sign before a letter;
// this script points the chart's container at it (role="figure", aria-labelledby). One observer
// per browser tab survives reruns and page changes, which replace the chart elements.
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
  let antre = false;
  new MutationObserver(() => {
    if (!antre) {
      antre = true;
      setTimeout(() => {
        antre = false;
        pasang();
      }, 50);
    }
  }).observe(document.body, { childList: true, subtree: true });
  pasang();
})();
