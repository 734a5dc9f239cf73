using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using CulturalServerless.LocalRunner.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.LocalRunner.Invocation;

/// <summary>
/// Calls a function method the way the isolated worker does: the class is created per invocation
/// from the app's services (constructor injection), and each parameter is bound from the trigger
/// value, the binding data (route values, blob name parts) or the invocation itself.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    public async Task<object?> InvokeAsync(
        FunctionDescriptor function,
        object? triggerValue,
        IReadOnlyDictionary<string, object?> bindingData,
        HttpContext? httpContext,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = httpContext?.RequestServices ?? scope.ServiceProvider;
        var context = new RunnerFunctionContext(function.Name, services, bindingData, cancellationToken);
        var instance = function.Method.IsStatic
            ? null
            : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
        try
        {
            var arguments = function.Method.GetParameters()
                .Select(p => Bind(p, function.Trigger, triggerValue, bindingData, httpContext, context, cancellationToken))
                .ToArray();
            var returned = function.Method.Invoke(instance, arguments);
            return await UnwrapAsync(returned);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    private static object? Bind(
        ParameterInfo parameter,
        Trigger trigger,
        object? triggerValue,
        IReadOnlyDictionary<string, object?> bindingData,
        HttpContext? httpContext,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken)) return cancellationToken;
        if (type == typeof(FunctionContext)) return context;
        if (type == typeof(HttpRequest)) return httpContext?.Request;
        if (parameter.Name == trigger.ParameterName) return triggerValue;
        if (parameter.Name is { } name && bindingData.TryGetValue(name, out var value)) return Convert(value, type);
        if (parameter.HasDefaultValue) return parameter.DefaultValue;
        throw new InvalidOperationException(
            $"The local runner cannot bind parameter '{parameter.Name}' of type {type.Name}.");
    }

    private static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value)) return value;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return TypeDescriptor.GetConverter(target).ConvertFrom(null, CultureInfo.InvariantCulture, value);
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }
}
