"""Speech: sentences → eSpeak NG (pyttsx3) in a supervised worker process → miniaudio.

Nothing here imports Textual; the app talks to `SpeechReader` and gets events back.
"""
