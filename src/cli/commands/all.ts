// The command modules, one file per top-level command (design.md "CLI contract").
import * as dataCmd from './data.js';
import * as capitalCmd from './capital.js';
import * as indexCmd from './index.js';
import * as couplingCmd from './coupling.js';
import * as obstacleCmd from './obstacle.js';
import * as deaCmd from './dea.js';
import * as malmquistCmd from './malmquist.js';
import * as tfpCmd from './tfp.js';
import * as disparityCmd from './disparity.js';
import * as dynamicsCmd from './dynamics.js';
import * as spatialCmd from './spatial.js';
import * as forecastCmd from './forecast.js';
import * as evaluateCmd from './evaluate.js';
import * as serveCmd from './serve.js';
import type { CommandModule } from './types.js';

export const commandModules: CommandModule[] = [
  dataCmd,
  capitalCmd,
  indexCmd,
  couplingCmd,
  obstacleCmd,
  deaCmd,
  malmquistCmd,
  tfpCmd,
  disparityCmd,
  dynamicsCmd,
  spatialCmd,
  forecastCmd,
  evaluateCmd,
  serveCmd,
];
