import { Command, CommanderError } from 'commander';
import { registerBacktestCommand } from './commands/backtest.js';
import { registerDbCommand } from './commands/db.js';
import { registerIndicatorsCommand } from './commands/indicators.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommand } from './commands/user.js';
import { registerWalletCommand } from './commands/wallet.js';
import { reportError } from './report-error.js';

const program = new Command()
  .name('numerusx')
  .description(
    'NumerusX command line: the server, indicators, backtests, accounts, the live wallet and database maintenance',
  )
  .showHelpAfterError()
  .exitOverride();

registerIndicatorsCommand(program);
registerBacktestCommand(program);
registerServeCommand(program);
registerDbCommand(program);
registerUserCommand(program);
registerWalletCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (and help); keep its exit code, 0 for --help.
    process.exitCode = error.exitCode;
  } else {
    process.exitCode = reportError(error);
  }
}
