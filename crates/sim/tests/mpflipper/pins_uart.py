# mp-flipper style: GPIO interrupts drive an output, an ADC readout with
# str.format, PWM, and the UART both by hand and as a context manager.
import flipperzero as f0
import time

f0.gpio_init_pin(f0.GPIO_PIN_PA7, f0.GPIO_MODE_OUTPUT_PUSH_PULL)
f0.gpio_init_pin(f0.GPIO_PIN_PC0, f0.GPIO_MODE_INTERRUPT_RISE, f0.GPIO_PULL_UP, f0.GPIO_SPEED_VERY_HIGH)
f0.gpio_init_pin(f0.GPIO_PIN_PC1, f0.GPIO_MODE_INTERRUPT_RISE | f0.GPIO_MODE_INTERRUPT_FALL, f0.GPIO_PULL_UP)

seen = []

@f0.on_gpio
def on_gpio(pin):
  seen.append(pin)
  if pin == f0.GPIO_PIN_PC0:
    f0.gpio_set_pin(f0.GPIO_PIN_PA7, True)
  if pin == f0.GPIO_PIN_PC1:
    f0.gpio_set_pin(f0.GPIO_PIN_PA7, False)

for _ in range(1, 50):
  time.sleep_ms(10)
print('interrupts', seen, 'PA7', f0.gpio_get_pin(f0.GPIO_PIN_PA7))

f0.gpio_init_pin(f0.GPIO_PIN_PA7, f0.GPIO_MODE_ANALOG)
f0.gpio_init_pin(f0.GPIO_PIN_PC0, f0.GPIO_MODE_ANALOG)
f0.gpio_init_pin(f0.GPIO_PIN_PC1, f0.GPIO_MODE_ANALOG)
for _ in range(3):
  raw = f0.adc_read_pin_value(f0.GPIO_PIN_PC1)
  mv = f0.adc_read_pin_voltage(f0.GPIO_PIN_PC1)
  f0.canvas_clear()
  f0.canvas_set_color(f0.CANVAS_BLACK)
  f0.canvas_set_text(10, 28, '{} counts'.format(raw))
  f0.canvas_set_text(10, 44, '{} V'.format(mv))
  f0.canvas_update()
  time.sleep_ms(50)
print('{} counts'.format(raw), '{:.3f} V'.format(mv))

print('pwm', f0.pwm_start(f0.GPIO_PIN_PA7, 4, 50), f0.pwm_is_running(f0.GPIO_PIN_PA7))
time.sleep(1)
f0.pwm_start(f0.GPIO_PIN_PA7, 1, 25)
f0.pwm_stop(f0.GPIO_PIN_PA7)

uart = f0.uart_open(f0.UART_MODE_USART, 115200)
uart.write(b'PING\r\n')
print(uart.readline())
uart.close()
with f0.uart_open(f0.UART_MODE_LPUART, 9600) as uart:
  lines = [line for line in uart]
print(lines)
