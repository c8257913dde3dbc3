"""Speech: sentences → made speakable (lexicons, numbers, phone numbers: kiosk.speech.spoken)
→ eSpeak NG (pyttsx3) in a supervised worker process → miniaudio.

Nothing here imports Textual; the app talks to `SpeechReader` and gets events back.
"""
