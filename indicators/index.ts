// The indicators this engine computes, in APR order. Adding an indicator = adding its folder and a line here.
// `sd` is an extension module: it runs under profile idea-2016 only (src/profiles/idea-2016.json).
// `dispute` publishes Table 7 and Indicators 16-19; `sesr` is the self-review module: its parameters and the annual-IEP, triennial and cyclical triggers.
import type { IndicatorDef } from '../src/engine/indicator.js';
import ind1 from './1/index.js';
import ind2 from './2/index.js';
import ind3 from './3/index.js';
import ind4a from './4A/index.js';
import ind4b from './4B/index.js';
import ind5 from './5/index.js';
import ind6 from './6/index.js';
import ind8 from './8/index.js';
import ind9 from './9/index.js';
import ind10 from './10/index.js';
import ind11 from './11/index.js';
import ind12 from './12/index.js';
import ind13 from './13/index.js';
import ind15 from './15/index.js';
import dispute from './dispute/index.js';
import ind20 from './20/index.js';
import sesr from './sesr/index.js';
import sd from './sd/index.js';

export const INDICATORS: IndicatorDef[] = [ind1, ind2, ind3, ind4a, ind4b, ind5, ind6, ind8, ind9, ind10, ind11, ind12, ind13, ind15, dispute, ind20, sesr, sd];
