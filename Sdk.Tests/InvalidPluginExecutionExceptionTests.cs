using System;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Sdk.Tests;

[TestClass]
public sealed class InvalidPluginExecutionExceptionTests
{
    /// <summary>0x80131500, the HResult of every System.Exception, which the official type reports as ErrorCode.</summary>
    private const int DefaultErrorCode = -2146233088;

    [TestMethod]
    public void MessageOnlyDefaultsToFailedWithTheDefaultErrorCode()
    {
        var exception = new InvalidPluginExecutionException("The deal team already has this user.");

        Assert.AreEqual("The deal team already has this user.", exception.Message);
        Assert.AreEqual(OperationStatus.Failed, exception.Status);
        Assert.AreEqual(DefaultErrorCode, exception.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.NotSet, exception.HttpStatus);
    }

    [TestMethod]
    public void ParameterlessDefaultsToFailed()
    {
        var exception = new InvalidPluginExecutionException();

        Assert.AreEqual(OperationStatus.Failed, exception.Status);
        Assert.AreEqual(DefaultErrorCode, exception.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.NotSet, exception.HttpStatus);
    }

    [TestMethod]
    public void ExplicitErrorCodeBecomesTheHResult()
    {
        var exception = new InvalidPluginExecutionException(OperationStatus.Canceled, unchecked((int)0x80040237), "Duplicate", PluginHttpStatusCode.Conflict);

        Assert.AreEqual(OperationStatus.Canceled, exception.Status);
        Assert.AreEqual(unchecked((int)0x80040237), exception.ErrorCode);
        Assert.AreEqual(exception.HResult, exception.ErrorCode);
        Assert.AreEqual(PluginHttpStatusCode.Conflict, exception.HttpStatus);
    }

    [TestMethod]
    public void ZeroErrorCodeKeepsTheDefault()
    {
        var exception = new InvalidPluginExecutionException(OperationStatus.Retry, 0, "Try again");

        Assert.AreEqual(OperationStatus.Retry, exception.Status);
        Assert.AreEqual(DefaultErrorCode, exception.ErrorCode);
    }

    [TestMethod]
    public void StatusOnlyHasAnEmptyMessage()
    {
        var exception = new InvalidPluginExecutionException(OperationStatus.Suspended);

        Assert.AreEqual(OperationStatus.Suspended, exception.Status);
        Assert.AreEqual(string.Empty, exception.Message);
    }

    [TestMethod]
    public void HttpStatusConstructorIsFailed()
    {
        var exception = new InvalidPluginExecutionException("Not found", PluginHttpStatusCode.NotFound);

        Assert.AreEqual(OperationStatus.Failed, exception.Status);
        Assert.AreEqual(PluginHttpStatusCode.NotFound, exception.HttpStatus);
        Assert.AreEqual(DefaultErrorCode, exception.ErrorCode);
    }

    [TestMethod]
    public void WrappingKeepsTheInnerPluginExceptionsHttpStatus()
    {
        var inner = new InvalidPluginExecutionException("Gone", PluginHttpStatusCode.Gone);

        var wrapped = new InvalidPluginExecutionException("Outer", inner);
        var wrappedOther = new InvalidPluginExecutionException("Outer", new InvalidOperationException());

        Assert.AreSame(inner, wrapped.InnerException);
        Assert.AreEqual(PluginHttpStatusCode.Gone, wrapped.HttpStatus);
        Assert.AreEqual(PluginHttpStatusCode.NotSet, wrappedOther.HttpStatus);
        Assert.AreEqual(OperationStatus.Failed, wrapped.Status);
    }
}
