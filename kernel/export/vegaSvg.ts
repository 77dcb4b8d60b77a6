// Vega-Lite charts drawn to SVG at export time with Vega's headless renderer, so a page shows
// them without JavaScript (vega-embed then replaces the picture with the interactive view).
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

// Charts in notebooks carry their data inline; nothing is loaded from anywhere at export time.
const noLoading = vega.loader({ mode: 'file' });
noLoading.load = async (uri: string) => {
  throw new Error(`the chart wants to load "${uri}"; give its data inline`);
};

export async function vegaLiteToSvg(spec: unknown): Promise<string> {
  const compiled = vegaLite.compile(spec as vegaLite.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: noLoading });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
