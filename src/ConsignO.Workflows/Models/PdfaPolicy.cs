namespace ConsignO.Workflows.Models;

/// <summary>Whether the workflow's documents are converted to PDF/A (a number on the wire).</summary>
public enum PdfaPolicy
{
    /// <summary>0: no conversion.</summary>
    None = 0,

    /// <summary>1: convert when possible.</summary>
    Preferred = 1,

    /// <summary>2: conversion is mandatory.</summary>
    Mandatory = 2,
}
