-- Stored neighbours (shared border) of every kab/kota.
SELECT kode_wilayah, kode_tetangga, panjang_batas_km FROM tetangga;
