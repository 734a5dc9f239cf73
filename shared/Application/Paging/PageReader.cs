using System.Runtime.CompilerServices;

namespace CulturalServerless.Application.Paging;

/// <summary>Every item of a paged query, a page at a time: at most one page is held.</summary>
public static class PageReader
{
    /// <summary>
    /// The items of <paramref name="first"/> (a page already read, e.g. inside a request's deadline),
    /// then of each next page that <paramref name="next"/> reads from the continuation token.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Page<T> first, Func<string, CancellationToken, Task<Page<T>>> next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = first;
        while (true)
        {
            foreach (var item in page.Items) yield return item;
            if (page.ContinuationToken is not { } token) yield break;
            page = await next(token, cancellationToken);
        }
    }
}
