// The readable text of HTML the exporter generated, for search and summaries.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Removes every element whose start tag begins with `start`, nested same-name tags included. */
function removeElements(html: string, start: string, tag: string): string {
  let result = html;
  for (let at = result.indexOf(start); at >= 0; at = result.indexOf(start, at)) {
    const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    tags.lastIndex = at;
    let depth = 0;
    let end = result.length;
    for (let match = tags.exec(result); match; match = tags.exec(result)) {
      depth += match[1] ? -1 : 1;
      if (depth === 0) {
        end = match.index + match[0].length;
        break;
      }
    }
    result = result.slice(0, at) + result.slice(end);
  }
  return result;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#?\w+);/g, (match, name: string) => {
    if (ENTITIES[name]) return ENTITIES[name];
    if (!name.startsWith('#')) return match;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) ? String.fromCodePoint(code) : match;
  });
}

/** Text only: pictures, scripts and prompts left out; KaTeX math read as its TeX source. */
export function textOf(html: string): string {
  const withoutDrawnMath = removeElements(html, '<span class="katex-html"', 'span');
  return decodeEntities(withoutDrawnMath
    .replace(/<math\b[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>[\s\S]*?<\/math>/g, ' $1 ')
    .replace(/<(svg|script|style|math)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<span class="prompt">[^<]*<\/span>/g, ' ')
    .replace(/<a class="anchor"[^>]*>[^<]*<\/a>/g, '')
    .replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
