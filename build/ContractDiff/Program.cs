using ContractDiff;

return await ContractDiffCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
