<#ftl encoding="UTF-8">
Netweaving report for ${period}