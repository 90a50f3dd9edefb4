namespace Plaid.Generated.Tests;

/// <summary>Deletes the copy of the library the fixtures that build one share, once all tests of the namespace ran.</summary>
[SetUpFixture]
public sealed class LibraryCopyCleanup
{
    [OneTimeTearDown]
    public void DeleteSharedCopy() => LibraryCopy.DeleteShared();
}
