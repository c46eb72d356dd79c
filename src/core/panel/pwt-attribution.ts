// Attribution for the bundled Penn World Table 9.1 (CC BY 4.0 §3(a)): creators, citation, licence link,
// and whether the data were changed. Every Result computed from `--data pwt` carries PWT_ATTRIBUTION in
// `card.data` (a MethodCard.data item). Isomorphic constants only.

/** The name the bundled table is addressed by wherever a data file is expected. */
export const PWT_SOURCE = 'pwt';

/** Default column roles of the bundled table. */
export const PWT_ROLES = { id: 'isocode', period: 'year' } as const;

/** Citation of PWT 9.1. */
export const PWT_CITATION = {
  text: 'Feenstra, R. C., Inklaar, R. & Timmer, M. P. (2015). The Next Generation of the Penn World Table. American Economic Review 105(10), 3150–3182.',
  doi: '10.1257/aer.20130954',
};

/** MethodCard.data item for results computed from the bundled PWT 9.1. */
export const PWT_ATTRIBUTION: { source: string; attribution: string } = {
  source: 'Penn World Table 9.1 (Groningen Growth and Development Centre, www.ggdc.net/pwt), DOI 10.15141/S50T0R; copy from the R package pwt9 9.1-0',
  attribution:
    'PWT 9.1 by the PWT team (University of Groningen and University of California, Davis), licensed under CC BY 4.0 ' +
    '(https://creativecommons.org/licenses/by/4.0/). Cite: Feenstra, Robert C., Robert Inklaar and Marcel P. Timmer (2015), ' +
    '"The Next Generation of the Penn World Table", American Economic Review 105(10), 3150–3182. Data not modified (compressed only).',
};
