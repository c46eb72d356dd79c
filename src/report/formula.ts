// The LaTeX-ish formulas of method cards as readable HTML, without a math library: Greek letters and operators
// become Unicode, \frac{a}{b} becomes (a)/(b), \sqrt{x} becomes √(x), ^{…} and _{…} become <sup>/<sub>. The source
// text stays in a title attribute. Unknown commands are shown without their backslash.

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', xi: 'ξ', eta: 'η', kappa: 'κ', nu: 'ν', zeta: 'ζ',
  Delta: 'Δ', Gamma: 'Γ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω', Pi: 'Π',
  sum: 'Σ', prod: 'Π', cdot: '·', times: '×', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', infty: '∞',
  in: '∈', notin: '∉', to: '→', rightarrow: '→', leftarrow: '←', ln: 'ln', log: 'log', exp: 'exp', max: 'max', min: 'min', lvert: '|', rvert: '|',
  mid: '|', quad: ' ', qquad: '  ', left: '', right: '', partial: '∂', pm: '±', bar: '', hat: '', tilde: '', sqrt: '√', frac: '', text: '', mathrm: '', operatorname: '',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Read a {…} group starting at i (or a single character); returns [content, next index]. */
function group(s: string, i: number): [string, number] {
  while (s[i] === ' ') i++;
  if (s[i] !== '{') return [s[i] ?? '', i + 1];
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  return [s.slice(i + 1), s.length];
}

export function formulaHtml(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const m = /^[A-Za-z]+/.exec(src.slice(i + 1));
      if (!m) {
        out += esc(src[i + 1] ?? '');
        i += 2;
        continue;
      }
      const name = m[0];
      i += 1 + name.length;
      if (name === 'frac') {
        const [a, j] = group(src, i);
        const [b, k] = group(src, j);
        out += `(${formulaHtml(a)})/(${formulaHtml(b)})`;
        i = k;
      } else if (name === 'sqrt') {
        const [a, j] = group(src, i);
        out += `√(${formulaHtml(a)})`;
        i = j;
      } else if (name === 'text' || name === 'mathrm' || name === 'operatorname') {
        const [a, j] = group(src, i);
        out += esc(a);
        i = j;
      } else {
        out += esc(SYMBOLS[name] ?? name);
        if (SYMBOLS[name] && /^[a-z]{2,}$/.test(SYMBOLS[name])) out += ' ';
      }
    } else if (c === '^' || c === '_') {
      const [a, j] = group(src, i + 1);
      out += c === '^' ? `<sup>${formulaHtml(a)}</sup>` : `<sub>${formulaHtml(a)}</sub>`;
      i = j;
    } else if (c === '{' || c === '}') {
      i++;
    } else {
      out += esc(c);
      i++;
    }
  }
  return out;
}
