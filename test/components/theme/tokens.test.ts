import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, css, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { tokens } from '../../../src/components/shared/tokens.styles.js';

/** A tiny element that includes the tokens the way every real element does. */
class ThemeProbe extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .valid {
        color: var(--_valid);
      }
      .invalid {
        color: var(--_invalid);
      }
      button {
        background: var(--_accent);
        color: var(--_accent-text);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      .star {
        color: var(--_star);
        font-size: var(--_star-size);
        transition: color var(--_transition);
      }
      input {
        background: var(--_bg);
        border: 1px solid var(--_border);
      }
    `,
  ];
  @property({ reflect: true }) theme = 'auto';

  protected override render() {
    return litHtml`<p class="valid">ok</p><p class="invalid">bad</p><button>Go</button>
      <span class="star">★</span><input aria-label="x" />`;
  }
}
customElements.define('theme-probe', ThemeProbe);

const part = (el: ThemeProbe, sel: string) => getComputedStyle(el.shadowRoot!.querySelector(sel)!);
const host = (el: Element) => getComputedStyle(el);

describe('theme tokens', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' });
  });

  it('light: Bootstrap-like colours, the page font, a transparent canvas', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const wrap = await fixture(
      html`<div style="font: 20px Georgia, serif">
        <theme-probe theme="light"></theme-probe>
      </div>`,
    );
    const el = wrap.querySelector<ThemeProbe>('theme-probe')!;
    expect(host(el).color).to.equal('rgb(33, 37, 41)');
    expect(host(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(host(el).fontFamily).to.equal('Georgia, serif');
    expect(host(el).fontSize).to.equal('20px');
    expect(part(el, '.valid').color).to.equal('rgb(21, 115, 71)');
    expect(part(el, '.invalid').color).to.equal('rgb(198, 42, 56)');
    expect(part(el, 'button').backgroundColor).to.equal('rgb(11, 94, 215)');
    expect(part(el, 'button').color).to.equal('rgb(255, 255, 255)');
    expect(part(el, 'input').backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(part(el, '.star').fontSize).to.equal('28px'); // 1.75rem
  });

  it('dark: light text on a dark canvas, softer valid/invalid', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe theme="dark"></theme-probe>`);
    expect(host(el).color).to.equal('rgb(222, 226, 230)');
    expect(host(el).backgroundColor).to.equal('rgb(33, 37, 41)');
    expect(host(el).colorScheme).to.equal('dark');
    expect(part(el, '.valid').color).to.equal('rgb(117, 183, 152)');
    expect(part(el, '.invalid').color).to.equal('rgb(234, 134, 143)');
    expect(part(el, 'button').backgroundColor).to.equal('rgb(110, 168, 254)');
  });

  it('switching the theme attribute switches the colours', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    expect(part(el, '.invalid').color).to.equal('rgb(198, 42, 56)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(part(el, '.invalid').color).to.equal('rgb(234, 134, 143)');
    el.theme = 'light';
    await el.updateComplete;
    expect(part(el, '.invalid').color).to.equal('rgb(198, 42, 56)');
  });

  it('auto follows prefers-color-scheme; light stays light under a dark system', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe theme="auto"></theme-probe>`);
    const pinned = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    const none = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    none.removeAttribute('theme');
    await emulateMedia({ colorScheme: 'light' });
    expect(host(el).color).to.equal('rgb(33, 37, 41)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(host(el).color).to.equal('rgb(222, 226, 230)');
    expect(host(none).color).to.equal('rgb(222, 226, 230)');
    expect(host(pinned).color).to.equal('rgb(33, 37, 41)');
  });

  it('--af-* overrides win in light and dark, set on the element or an ancestor', async () => {
    const wrap = await fixture(
      html`<div style="--af-color-accent: #8b0000; --af-radius: 0px; --af-spacing: 4px">
        <theme-probe theme="light"></theme-probe>
        <theme-probe theme="dark" style="--af-color-invalid: rgb(255, 200, 0)"></theme-probe>
      </div>`,
    );
    const [lightEl, darkEl] = [...wrap.querySelectorAll<ThemeProbe>('theme-probe')] as [ThemeProbe, ThemeProbe];
    expect(part(lightEl, 'button').backgroundColor).to.equal('rgb(139, 0, 0)');
    expect(part(darkEl, 'button').backgroundColor).to.equal('rgb(139, 0, 0)');
    expect(part(lightEl, 'button').borderTopLeftRadius).to.equal('0px');
    expect(part(lightEl, 'button').paddingTop).to.equal('4px');
    expect(part(darkEl, '.invalid').color).to.equal('rgb(255, 200, 0)');
    expect(part(lightEl, '.invalid').color).to.equal('rgb(198, 42, 56)');
  });

  it('star colour and size are themable', async () => {
    const el = await fixture<ThemeProbe>(
      html`<theme-probe theme="light" style="--af-star-color: rgb(1, 2, 3); --af-star-size: 40px"></theme-probe>`,
    );
    expect(part(el, '.star').color).to.equal('rgb(1, 2, 3)');
    expect(part(el, '.star').fontSize).to.equal('40px');
  });

  it('transitions only without prefers-reduced-motion', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(part(el, '.star').transitionDuration).to.equal('0s');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(part(el, '.star').transitionDuration).to.equal('0.15s');
  });

  it('forced colors map the tokens onto system colours, whatever the theme', async () => {
    // The runner cannot emulate forced-colors in Chromium here, so the element gets the very
    // same tokens sheet with the forced-colors condition made always true.
    expect(tokens.cssText).to.include('@media (forced-colors: active)');
    const forced = new CSSStyleSheet();
    forced.replaceSync(tokens.cssText.replace('@media (forced-colors: active)', '@media all'));
    await emulateMedia({ colorScheme: 'dark' });
    for (const theme of ['dark', 'light', 'auto', null]) {
      const el = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
      if (theme) el.setAttribute('theme', theme);
      else el.removeAttribute('theme');
      const sheets = el.shadowRoot!.adoptedStyleSheets;
      el.shadowRoot!.adoptedStyleSheets = [forced, ...sheets.slice(1)];
      const probe = document.createElement('div');
      probe.style.color = 'Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      // Stars are a fill the browser does not force: they must follow Highlight.
      expect(getComputedStyle(el).getPropertyValue('--_star').trim(), String(theme)).to.equal('Highlight');
      expect(part(el, '.star').color, String(theme)).to.equal(highlight);
      expect(getComputedStyle(el).getPropertyValue('--_invalid').trim(), String(theme)).to.equal('CanvasText');
    }
  });

  it('the dark theme passes axe colour contrast', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe theme="dark"></theme-probe>`);
    await expect(el).to.be.accessible();
  });

  it('the light theme passes axe colour contrast', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    await expect(el).to.be.accessible();
  });
});
