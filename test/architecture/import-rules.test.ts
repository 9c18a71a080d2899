import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';
import { importViolations, repoPath, specifiers } from './import-rules';

const root = process.cwd();
const tree = (): [string, string][] => sourceFiles('src').map((p) => [repoPath(root, p), readFileSync(p, 'utf8')]);

describe('import rules', () => {
  it('finds static, re-exported, side-effect and dynamic imports', () => {
    const source = `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nimport './d.css';\nconst e = await import('./e');\nimport {\n  f,\n  g,\n} from './fg';`;
    expect(specifiers(source).sort()).toEqual(['../b', './a', './c', './d.css', './e', './fg'].sort());
  });

  it('catches each kind of broken rule in a made-up tree', () => {
    const found = importViolations([
      ['src/lib/core/a.ts', "import { x } from '../ui/x';\nimport { y } from './y';\nimport Papa from 'papaparse';"],
      ['src/lib/core/b.ts', "import { version } from '../../../package.json';"],
      ['src/lib/charts/Chart.svelte', "import { getExplorer } from '../state/explorer.svelte';\nimport { scaleLinear } from 'd3-scale';\nimport * as d3 from 'd3';\nimport Frame from './frame/Frame.svelte';\nimport type { Card } from '../core/model/card';\nimport { formatNumber } from '../i18n/format';\nimport { sampleRows } from '../core/explain/sample-rows';"],
      ['src/lib/charts/Other.svelte', "import { tick } from 'svelte';\nimport { format } from 'date-fns';"],
      ['src/lib/ui/View.svelte', "import { EnginePool } from '../worker/engine-pool';\nimport { Explorer } from '../state/explorer.svelte';"],
      ['src/cli/score.ts', "import { describe } from '../lib/ui/describe';\nimport { explain } from '../lib/core/explain';"],
      ['src/lib/ui/fixture.ts', "import { load } from '../../../test/load';"],
      ['src/lib/core/c.test.ts', "import { load } from '../../../test/load';\nimport { describe } from 'vitest';\nimport { translate } from '../i18n/translate';"],
    ]);
    expect(found.map((v) => `${v.file} → ${v.specifier}: ${v.rule}`)).toEqual([
      'src/lib/core/a.ts → ../ui/x: core imports only core',
      'src/lib/core/b.ts → ../../../package.json: core imports only core',
      'src/lib/charts/Chart.svelte → ../state/explorer.svelte: charts import only charts, svelte and d3',
      'src/lib/charts/Chart.svelte → ../core/model/card: charts import only charts, svelte and d3',
      'src/lib/charts/Chart.svelte → ../i18n/format: charts import only charts, svelte and d3',
      'src/lib/charts/Chart.svelte → ../core/explain/sample-rows: charts import only charts, svelte and d3',
      'src/lib/charts/Other.svelte → date-fns: charts import only charts, svelte and d3',
      'src/lib/ui/View.svelte → ../worker/engine-pool: ui reaches the worker only through state',
      'src/cli/score.ts → ../lib/ui/describe: cli imports core, runtime and i18n, never ui',
      'src/lib/ui/fixture.ts → ../../../test/load: nothing under src imports test/',
    ]);
  });

  it('holds for every file under src', () => {
    const files = tree();
    expect(files.length).toBeGreaterThan(100);
    expect(importViolations(files).map((v) => `${v.file} → ${v.specifier}: ${v.rule}`)).toEqual([]);
  });
});
