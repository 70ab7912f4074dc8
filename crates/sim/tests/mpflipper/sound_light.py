# mp-flipper style: a decaying tone per note with speaker_set_volume in a
# tight loop, an LED ramp, and a vibration pulse; no input handler at all.
import time
import flipperzero as f0

def play_frequency(frequency: float):
  volume = 0.8
  f0.speaker_start(frequency, volume)
  for _ in range(0, 150):
    volume *= 0.9945679
    f0.speaker_set_volume(volume)
    time.sleep_ms(1)
  return f0.speaker_stop()

for note in (f0.SPEAKER_NOTE_C5, f0.SPEAKER_NOTE_E5, f0.SPEAKER_NOTE_G5):
  print('stopped', play_frequency(note))

is_red = True
for i in range(0, 20, 5):
  brightness = i * 10
  is_red = not is_red
  f0.light_set(f0.LIGHT_RED, brightness if is_red else 0)
  f0.light_set(f0.LIGHT_GREEN, brightness if not is_red else 0)
  f0.light_set(f0.LIGHT_BLUE, 0)
  f0.light_set(f0.LIGHT_BACKLIGHT, brightness)
  time.sleep_ms(200)

f0.light_blink_start(f0.LIGHT_RED, 150, 100, 200)
time.sleep(1)
f0.light_blink_set_color(f0.LIGHT_BLUE)
f0.light_blink_stop()

print('vibro', f0.vibro_set(True))
time.sleep_ms(125)
print('vibro', f0.vibro_set(False))
print('volume range', f0.SPEAKER_VOLUME_MIN, f0.SPEAKER_VOLUME_MAX, f0.SPEAKER_NOTE_A4)
