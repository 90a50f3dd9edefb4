namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// A response body whose reads end when the call's <see cref="TotalDeadline"/> does, so the total
/// timeout bounds the body the client reads after the handlers have returned. Owns the deadline.
/// </summary>
internal sealed class DeadlineBoundContent(HttpContent original, TotalDeadline deadline) : ReplacedContent(original)
{
    protected override Stream OpenBody() => new DeadlineBoundStream(Original.ReadAsStream(), deadline);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            deadline.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class DeadlineBoundStream(Stream body, TotalDeadline deadline) : ReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token)
                : null;
            try
            {
                return await body.ReadAsync(buffer, linked?.Token ?? deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (deadline.Expired && !cancellationToken.IsCancellationRequested)
            {
                throw deadline.TimedOut(exception);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
