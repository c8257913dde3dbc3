<?xml version="1.0" encoding="UTF-8"?>
<!--
  Pronunciations for the kiosk's speech (eSpeak NG), W3C PLS 1.0 with aliases only: the
  kiosk reads the alias wherever the grapheme is written (whole words; symbols anywhere),
  in what it sends to the engine, never in what it shows. Check a change through the
  phonemes the engine makes of it (als-kiosk say, phonemes option, language en);
  als-kiosk check lists what the engine would still misread.
-->
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
         alphabet="ipa" xml:lang="en">

  <!-- Letters written A.L.S are spelled as the engine spells an acronym itself (/ˌeɪˌɛlˈɛs/). -->
  <lexeme><grapheme>ALS</grapheme><alias>A.L.S</alias></lexeme>
  <lexeme><grapheme>AAC</grapheme><alias>A.A.C</alias></lexeme>
  <lexeme><grapheme>ADRT</grapheme><alias>A.D.R.T</alias></lexeme>
  <lexeme><grapheme>ALSFRS-R</grapheme><alias>A.L.S.F.R.S R</alias></lexeme>
  <lexeme><grapheme>ATSDR</grapheme><alias>A.T.S.D.R</alias></lexeme>
  <lexeme><grapheme>EMG</grapheme><alias>E.M.G</alias></lexeme>
  <lexeme><grapheme>FUS</grapheme><alias>F.U.S</alias></lexeme>
  <lexeme><grapheme>IMNDA</grapheme><alias>I.M.N.D.A</alias></lexeme>
  <lexeme><grapheme>ISSCR</grapheme><alias>I.S.S.C.R</alias></lexeme>
  <lexeme><grapheme>NIH</grapheme><alias>N.I.H</alias></lexeme>
  <lexeme><grapheme>NIV</grapheme><alias>N.I.V</alias></lexeme>
  <lexeme><grapheme>ORS</grapheme><alias>O.R.S</alias></lexeme>
  <lexeme><grapheme>SOD1</grapheme><alias>S.O.D 1</alias></lexeme>
  <lexeme><grapheme>TARDBP</grapheme><alias>T.A.R.D.B.P</alias></lexeme>

  <!-- Said as words, as people in UK care say them. -->
  <lexeme><grapheme>NICE</grapheme><alias>nice</alias></lexeme>
  <lexeme><grapheme>PEG</grapheme><alias>peg</alias></lexeme>
  <lexeme><grapheme>PHOENIX</grapheme><alias>Phoenix</alias></lexeme>

  <!-- In source lists (read in English in every language): agencies, journals, trial codes
       and authors' initials ("Pioro EP") are spelled. -->
  <lexeme><grapheme>AIS</grapheme><alias>A.I.S</alias></lexeme>
  <lexeme><grapheme>AMX0035</grapheme><alias>A.M.X 0 0 3 5</alias></lexeme>
  <lexeme><grapheme>CE</grapheme><alias>C.E</alias></lexeme>
  <lexeme><grapheme>DI</grapheme><alias>D.I</alias></lexeme>
  <lexeme><grapheme>EBM</grapheme><alias>E.B.M</alias></lexeme>
  <lexeme><grapheme>EJ</grapheme><alias>E.J</alias></lexeme>
  <lexeme><grapheme>EL</grapheme><alias>E.L</alias></lexeme>
  <lexeme><grapheme>EMA</grapheme><alias>E.M.A</alias></lexeme>
  <lexeme><grapheme>EP</grapheme><alias>E.P</alias></lexeme>
  <lexeme><grapheme>FALS</grapheme><alias>F.A.L.S</alias></lexeme>
  <lexeme><grapheme>MCI-186</grapheme><alias>M.C.I 186</alias></lexeme>
  <lexeme><grapheme>ME</grapheme><alias>M.E</alias></lexeme>
  <lexeme><grapheme>MMIT</grapheme><alias>M.M.I.T</alias></lexeme>
  <lexeme><grapheme>NA</grapheme><alias>N.A</alias></lexeme>
  <lexeme><grapheme>NINDS</grapheme><alias>N.I.N.D.S</alias></lexeme>
  <lexeme><grapheme>POMS</grapheme><alias>P.O.M.S</alias></lexeme>
  <lexeme><grapheme>SA</grapheme><alias>S.A</alias></lexeme>
  <lexeme><grapheme>TA20</grapheme><alias>T.A 20</alias></lexeme>

  <!-- Names of medicines, trials, journals and societies said as words. -->
  <lexeme><grapheme>ASHA</grapheme><alias>Asha</alias></lexeme>
  <lexeme><grapheme>JAMA</grapheme><alias>Jama</alias></lexeme>
  <lexeme><grapheme>NUEDEXTA</grapheme><alias>Nuedexta</alias></lexeme>
  <lexeme><grapheme>RADICAVA</grapheme><alias>Radicava</alias></lexeme>
  <lexeme><grapheme>VALOR</grapheme><alias>Valor</alias></lexeme>

  <!-- "&" in a company's name is said "and". -->
  <lexeme><grapheme>&amp;</grapheme><alias>and</alias></lexeme>

  <!-- A slash between two names (CDC/ATSDR) is a pause, not the word "slash". -->
  <lexeme><grapheme>/</grapheme><alias>,</alias></lexeme>
</lexicon>
