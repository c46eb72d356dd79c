// JSON Schema (draft-07) of the evaluation spec. Published as schema/evaluation.schema.json (a test keeps the
// file and this object in sync), so editors (VS Code YAML, IntelliJ) can validate and complete specs.
// Every object is closed (additionalProperties: false) so a typo is an error that names the nearest key;
// `description`s are written as the "what to write" hint the validator shows.

const text = {
  description: 'a text, or {en: "...", zh: "..."}',
  oneOf: [
    { type: 'string' },
    { type: 'object', properties: { en: { type: 'string' }, zh: { type: 'string' } }, additionalProperties: false },
  ],
};

const column = { type: 'string', minLength: 1, description: 'a column name of the data, e.g. rgdpna' };
const columns = { type: 'array', items: column, minItems: 1, description: 'a list of column names, e.g. [rnna, labour]' };
const series = {
  type: 'string',
  minLength: 1,
  description: 'a series: index, index.<dimension>, tfp, malmquist, dea, or a data column',
};
const year = { type: 'integer', minimum: 1000, maximum: 9999, description: 'a year such as 2017' };
const periodRange = {
  type: 'object',
  properties: { from: year, to: year },
  additionalProperties: false,
  description: 'a range such as {from: 2000, to: 2017}',
};
const weightsSource = {
  type: 'string',
  pattern: '^(knn:[1-9][0-9]*|queen|rook|distance)$',
  description: 'spatial weights: knn:K (K a positive integer, e.g. knn:6), queen, rook or distance',
};
const periodChoice = {
  description: 'a year such as 2017, or last',
  oneOf: [year, { const: 'last' }],
};

export const EVALUATION_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'xinzhi evaluation spec',
  type: 'object',
  required: ['xinzhi', 'data'],
  additionalProperties: false,
  properties: {
    xinzhi: { const: 1, description: 'the spec version: write `xinzhi: 1`' },
    title: text,
    data: {
      type: 'object',
      required: ['file'],
      additionalProperties: false,
      description: 'where the data is: at least `file: pwt` or `file: mydata.csv` with `id:` and `period:` columns',
      properties: {
        file: { type: 'string', minLength: 1, description: 'pwt (the bundled Penn World Table 9.1) or a path relative to the spec' },
        id: column,
        period: column,
        name: column,
        sheet: { type: 'string' },
        encoding: { type: 'string' },
        labels: columns,
        periods: periodRange,
        include: { type: 'array', items: { type: 'string' }, minItems: 1 },
        exclude: { type: 'array', items: { type: 'string' }, minItems: 1 },
        groups: {
          description: 'a lookup table {file: regions.csv, key: iso3, column: region}, or nbs4 / three / belts for China\'s provinces',
          oneOf: [
            {
              type: 'object',
              required: ['file', 'key', 'column'],
              additionalProperties: false,
              properties: { file: { type: 'string', minLength: 1 }, key: column, column, as: column },
            },
            { enum: ['nbs4', 'three', 'belts'] },
          ],
        },
      },
    },
    prepare: {
      type: 'array',
      description: 'a list of steps, each one of derive, interpolate, deflate, capital',
      items: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
        description: 'one step per list item, e.g. `- derive: {name: labour, formula: emp * hc}`',
        properties: {
          derive: {
            type: 'object',
            required: ['name', 'formula'],
            additionalProperties: false,
            properties: { name: column, formula: { type: 'string', minLength: 1, description: 'an arithmetic formula of columns, e.g. emp * hc' }, label: text },
          },
          interpolate: {
            type: 'object',
            required: ['columns'],
            additionalProperties: false,
            properties: {
              columns,
              method: { enum: ['linear', 'loglinear'] },
              ends: { enum: ['growth', 'arithmetic', 'linear', 'carry', 'none'] },
            },
          },
          deflate: {
            type: 'object',
            additionalProperties: false,
            required: ['columns', 'deflator', 'base'],
            properties: {
              columns,
              deflator: column,
              base: year,
              type: { enum: ['level', 'chain', 'real'], description: 'level (price level), chain (previous year = 100) or real (a real index)' },
              suffix: { type: 'string', description: 'appended to the new column names (default _real; "" replaces the columns)' },
            },
          },
          capital: {
            type: 'object',
            required: ['investment'],
            additionalProperties: false,
            properties: {
              name: column,
              investment: column,
              deflator: column,
              type: { enum: ['level', 'chain'] },
              delta: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'a depreciation rate such as 0.096' },
              base: { enum: ['steady', 'ratio'] },
            },
          },
        },
      },
    },
    index: {
      type: 'object',
      required: ['framework'],
      additionalProperties: false,
      properties: {
        framework: { type: 'string', minLength: 1, description: 'a built-in framework (pwt, nqpf, hqd) or a framework file' },
        normalize: { enum: ['minmax', 'zscore', 'vector'] },
        weights: {
          enum: ['entropy', 'critic', 'cv', 'sd', 'pca', 'equal', 'ahp', 'fixed', 'combine'],
          description: 'entropy, critic, cv, sd, pca, equal; ahp (the framework\'s ahp: matrices); fixed (the framework\'s weight: fields); combine (with index.combine)',
        },
        combine: {
          type: 'object',
          required: ['methods'],
          additionalProperties: false,
          description: 'with weights: combine, e.g. {methods: [ahp, entropy], rule: game}',
          properties: {
            methods: {
              type: 'array',
              items: { enum: ['entropy', 'critic', 'cv', 'sd', 'pca', 'equal', 'ahp', 'fixed'] },
              minItems: 2,
              uniqueItems: true,
              description: 'at least two weight methods, e.g. [ahp, entropy]',
            },
            rule: { enum: ['linear', 'multiplicative', 'game', 'geometricMean'], description: 'linear (default), multiplicative, game or geometricMean' },
            alpha: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 2, description: 'linear coefficients, one per method, e.g. [0.5, 0.5]' },
            signed: { type: 'boolean', description: 'game-theory combination with signed coefficients: true or false' },
          },
        },
        ahp: {
          type: 'object',
          additionalProperties: false,
          description: 'AHP options, e.g. {method: eigen, force: false}',
          properties: {
            method: { enum: ['eigen', 'geometric', 'sumProduct'], description: 'eigen (default), geometric or sumProduct' },
            ri: { enum: ['saaty', 'cn'], description: 'the random-index table: saaty (default) or cn' },
            force: { type: 'boolean', description: 'keep the weights of an inconsistent matrix (CR ≥ 0.1): true or false' },
          },
        },
        aggregate: { enum: ['weighted', 'topsis', 'gra', 'vikor', 'rsr'] },
        scope: { enum: ['pooled', 'period'] },
        shift: { type: 'number', minimum: 0, description: 'a small non-negative number such as 0.0001' },
      },
    },
    tfp: {
      type: 'object',
      additionalProperties: false,
      properties: {
        growth: {
          type: 'object',
          additionalProperties: false,
          properties: {
            method: { enum: ['pwt', 'solow', 'tornqvist'] },
            output: column,
            capital: column,
            labor: column,
            humanCapital: column,
            hours: column,
            share: { ...column, description: 'the labour-share column (tornqvist, pwt), e.g. labsh' },
            alpha: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'the capital share α for solow, e.g. 0.4' },
            alphaRegression: { enum: ['pooled', 'within'], description: 'solow: estimate α by OLS of ln(Y/L) on ln(K/L), pooled (one constant) or within (unit fixed effects), instead of giving alpha' },
            base: year,
          },
        },
        malmquist: {
          type: 'object',
          required: ['inputs', 'outputs'],
          additionalProperties: false,
          properties: {
            inputs: columns,
            outputs: columns,
            undesirable: columns,
            periods: periodRange,
            index: { enum: ['malmquist', 'ml', 'gml', 'luenberger'] },
            frontier: { type: 'string', pattern: '^(contemporaneous|sequential|global|biennial|window:[1-9][0-9]*)$', description: 'contemporaneous, sequential, global, biennial or window:K' },
            orientation: { enum: ['in', 'out'] },
            rts: { enum: ['crs', 'vrs'] },
            direction: { enum: ['green', 'graph', 'input', 'output'], description: 'the DDF direction of ml, gml, luenberger: green, graph, input or output' },
            measure: { enum: ['radial', 'nddf'], description: 'luenberger: radial (default) or nddf' },
            distanceRts: { enum: ['crs', 'vrs'], description: 'malmquist: RTS of the distances, crs (default) or vrs' },
            decomposition: { enum: ['fgnz', 'rd'], description: 'malmquist with rts: vrs: fgnz (default) or rd (Ray–Desli)' },
            bias: { type: 'boolean', description: 'malmquist: true splits techch into matech × obtech × ibtech (magnitude, output bias, input bias)' },
            sameReference: { type: 'boolean', description: 'true: each pair of periods uses only units observed in both' },
          },
        },
        dea: {
          type: 'object',
          required: ['inputs', 'outputs'],
          additionalProperties: false,
          description: 'DEA efficiency, e.g. {inputs: [K, L], outputs: [Y], model: sbm}',
          properties: {
            inputs: columns,
            outputs: columns,
            undesirable: columns,
            model: { enum: ['radial', 'sbm', 'ddf', 'nddf'], description: 'radial (default), sbm, ddf or nddf' },
            rts: { enum: ['crs', 'vrs', 'nirs', 'ndrs'], description: 'crs (default), vrs, nirs or ndrs' },
            orientation: { enum: ['in', 'out', 'non'], description: 'in or out (radial, default in); non, in or out (sbm, default non)' },
            super: { type: 'boolean', description: 'super-efficiency (Andersen–Petersen; super-SBM with model: sbm): true or false' },
            superScore: { enum: ['delta', 'composite'], description: 'super-SBM score: delta (δ*, default, as xinzhi dea; 1 for every SBM-inefficient unit) or composite (the SBM ρ below 1, δ* for efficient units)' },
            direction: { enum: ['green', 'graph', 'input', 'output'], description: 'the ddf/nddf direction: green, graph, input or output' },
            frontier: { enum: ['period', 'pooled'], description: 'period (each period its own frontier, default) or pooled' },
            periods: periodRange,
          },
        },
      },
    },
    analyses: {
      type: 'object',
      additionalProperties: false,
      properties: {
        coupling: {
          type: 'object',
          additionalProperties: false,
          properties: { systems: { type: 'array', items: { type: 'string' }, minItems: 2, description: 'at least two index dimensions' }, variant: { enum: ['standard', 'wang', 'fan'] } },
        },
        obstacle: { type: 'object', additionalProperties: false, properties: { top: { type: 'integer', minimum: 1, maximum: 50 } } },
        disparity: {
          type: 'object',
          required: ['of', 'group'],
          additionalProperties: false,
          properties: {
            of: { description: 'a series or a list of series', oneOf: [series, { type: 'array', items: series, minItems: 1 }] },
            group: { ...column, description: 'a label column that groups the units, e.g. region' },
            method: { enum: ['dagum', 'theil', 'gini'] },
          },
        },
        kde: { type: 'object', required: ['of'], additionalProperties: false, properties: { of: series, periods: { type: 'array', items: year, minItems: 1 } } },
        markov: { type: 'object', required: ['of'], additionalProperties: false, properties: { of: series, classes: { type: 'integer', minimum: 2, maximum: 10 } } },
        spatialMarkov: {
          type: 'object',
          required: ['of'],
          additionalProperties: false,
          properties: { of: series, classes: { type: 'integer', minimum: 2, maximum: 10 }, weights: weightsSource },
        },
        convergence: { type: 'object', required: ['of'], additionalProperties: false, properties: { of: series } },
        moran: { type: 'object', required: ['of'], additionalProperties: false, properties: { of: series, weights: weightsSource, period: periodChoice } },
        lisa: { type: 'object', required: ['of'], additionalProperties: false, properties: { of: series, weights: weightsSource, period: periodChoice } },
        forecast: {
          type: 'object',
          required: ['of'],
          additionalProperties: false,
          properties: { of: series, horizon: { type: 'integer', minimum: 1, maximum: 30 }, top: { type: 'integer', minimum: 1, maximum: 50 } },
        },
      },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      properties: {
        language: { enum: ['en', 'zh'] },
        formats: { type: 'array', items: { enum: ['json', 'csv', 'xlsx', 'docx', 'tex', 'html'] }, minItems: 1, uniqueItems: true },
        top: { type: 'integer', minimum: 1, maximum: 100 },
        digits: { type: 'integer', minimum: 0, maximum: 12 },
        map: { enum: ['world', 'china', 'none'], description: 'world (bundled, for ISO3 country ids), china (bundled provinces with the South China Sea inset; the default when the ids are Chinese provinces) or none; for other units give output.geometry' },
        geometry: {
          type: 'object',
          required: ['file', 'id'],
          additionalProperties: false,
          description: 'your base map: {file: provinces.geojson, id: name} (id = the feature property holding the unit ids)',
          properties: { file: { type: 'string', minLength: 1 }, id: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
} as const;
