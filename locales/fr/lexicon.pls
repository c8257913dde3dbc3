<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pronunciations for the kiosk's speech (eSpeak NG), W3C PLS 1.0 with aliases only: the
  kiosk reads the alias wherever the grapheme is written (whole words; symbols anywhere),
  in what it sends to the engine, never in what it shows. Check a change through the
  phonemes the engine makes of it (als-kiosk say, phonemes option, language fr);
  als-kiosk check lists what the engine would still misread.
-->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="ipa" xml:lang="fr">

  <!-- Les lettres écrites S.L.A sont épelées comme le moteur épelle un sigle (/ˌɛsˌɛlˈa/). -->
  <lexeme><grapheme>SLA</grapheme><alias>S.L.A</alias></lexeme>
  <lexeme><grapheme>ALS</grapheme><alias>A.L.S</alias></lexeme>
  <lexeme><grapheme>ADRT</grapheme><alias>A.D.R.T</alias></lexeme>
  <lexeme><grapheme>ALSFRS-R</grapheme><alias>A.L.S.F.R.S R</alias></lexeme>
  <lexeme><grapheme>ATSDR</grapheme><alias>A.T.S.D.R</alias></lexeme>
  <lexeme><grapheme>CAA</grapheme><alias>C.A.A</alias></lexeme>
  <lexeme><grapheme>EMG</grapheme><alias>E.M.G</alias></lexeme>
  <lexeme><grapheme>FDA</grapheme><alias>F.D.A</alias></lexeme>
  <lexeme><grapheme>FUS</grapheme><alias>F.U.S</alias></lexeme>
  <lexeme><grapheme>GPE</grapheme><alias>G.P.E</alias></lexeme>
  <lexeme><grapheme>IMNDA</grapheme><alias>I.M.N.D.A</alias></lexeme>
  <lexeme><grapheme>IRM</grapheme><alias>I.R.M</alias></lexeme>
  <lexeme><grapheme>ISSCR</grapheme><alias>I.S.S.C.R</alias></lexeme>
  <lexeme><grapheme>MHRA</grapheme><alias>M.H.R.A</alias></lexeme>
  <lexeme><grapheme>NIH</grapheme><alias>N.I.H</alias></lexeme>
  <lexeme><grapheme>ORS</grapheme><alias>O.R.S</alias></lexeme>
  <lexeme><grapheme>PEG</grapheme><alias>P.E.G</alias></lexeme>
  <lexeme><grapheme>SOD1</grapheme><alias>S.O.D 1</alias></lexeme>
  <lexeme><grapheme>TARDBP</grapheme><alias>T.A.R.D.B.P</alias></lexeme>
  <lexeme><grapheme>VNI</grapheme><alias>V.N.I</alias></lexeme>

  <!-- Noms anglais, dits comme en anglais (NICE : /najs/). -->
  <lexeme><grapheme>NICE</grapheme><alias>naille-ce</alias></lexeme>
  <lexeme><grapheme>PHOENIX</grapheme><alias>Phénix</alias></lexeme>
</lexicon>
