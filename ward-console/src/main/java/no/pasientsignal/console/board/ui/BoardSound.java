package no.pasientsignal.console.board.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.io.Serializable;
import java.util.function.Consumer;
import no.pasientsignal.console.board.service.AlarmLevel;

/**
 * The board's audible signal, played in the browser with the Web Audio API (no npm, no audio files): a burst of tones
 * repeated while there is an unacknowledged call waiting for someone, patterned after IEC 60601-1-8 (high: five fast
 * pulses every 4 s; medium: three slower pulses every 8 s; low: one pulse, not repeated). Browsers may keep audio off
 * until the user has touched the page; the script reports {@code suspended} then and the board shows a "turn sound
 * on" button, whose click resumes the audio in the browser itself, inside the gesture.
 */
final class BoardSound implements Serializable {

    /** Defines {@code window.psBoardSound} once, sets the level ($0: high, medium, low, off) and answers the state. */
    private static final String SET_LEVEL = """
            const s = window.psBoardSound || (window.psBoardSound = {ctx: null, level: 'off', timer: null});
            if (!s.unlock) {
              s.context = function () {
                if (!s.ctx) {
                  const C = window.AudioContext || window.webkitAudioContext;
                  if (!C) { return null; }
                  s.ctx = new C();
                }
                return s.ctx;
              };
              s.unlock = function () {
                const ctx = s.context();
                if (ctx && ctx.state === 'suspended') { ctx.resume(); }
              };
              s.tone = function (ctx, at, freq, length) {
                const osc = ctx.createOscillator();
                const gain = ctx.createGain();
                osc.type = 'square';
                osc.frequency.value = freq;
                gain.gain.setValueAtTime(0.0001, at);
                gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
                gain.gain.setValueAtTime(0.25, at + length - 0.03);
                gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
                osc.connect(gain).connect(ctx.destination);
                osc.start(at);
                osc.stop(at + length + 0.01);
              };
              s.burst = function () {
                const ctx = s.context();
                if (!ctx || ctx.state !== 'running') { return; }
                const t = ctx.currentTime + 0.05;
                if (s.level === 'high') {
                  for (let i = 0; i < 5; i++) { s.tone(ctx, t + i * 0.2, 880, 0.12); }
                } else if (s.level === 'medium') {
                  for (let i = 0; i < 3; i++) { s.tone(ctx, t + i * 0.35, 660, 0.2); }
                } else if (s.level === 'low') {
                  s.tone(ctx, t, 523, 0.3);
                }
              };
            }
            if (s.timer) { clearInterval(s.timer); s.timer = null; }
            s.level = $0;
            const ctx = s.context();
            if (!ctx) { return 'unsupported'; }
            if (s.level !== 'off') {
              s.burst();
              if (s.level !== 'low') { s.timer = setInterval(s.burst, s.level === 'high' ? 4000 : 8000); }
            }
            if (ctx.state === 'suspended') {
              // allowed once the user has touched the page; give the browser a moment to say
              return Promise.race([
                ctx.resume().then(() => ctx.state),
                new Promise(r => setTimeout(() => r(ctx.state), 300))]);
            }
            return ctx.state;
            """;

    private String level = "off";

    /** The level last asked of the browser: {@code high}, {@code medium}, {@code low} or {@code off}. */
    String level() {
        return level;
    }

    /**
     * Asks the browser to sound {@code wanted} (null: silence) unless it already does; {@code state} is told what the
     * browser's audio answers ({@code running}, {@code suspended} until the user touches the page, {@code
     * unsupported}).
     */
    void play(UI ui, AlarmLevel wanted, boolean force, Consumer<String> state) {
        String next = wanted == null ? "off" : wanted.name().toLowerCase(java.util.Locale.ROOT);
        if (next.equals(level) && !force) {
            return;
        }
        level = next;
        ui.getPage().executeJs(SET_LEVEL, next).then(String.class, state::accept);
    }

    /** Makes {@code button} resume the browser's audio in its own click (a user gesture), before the server hears. */
    static void unlocksAudio(Button button) {
        button.getElement()
                .executeJs("this.addEventListener('click', () => window.psBoardSound && window.psBoardSound.unlock())");
    }
}
