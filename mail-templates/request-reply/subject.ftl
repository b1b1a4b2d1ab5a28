<#ftl encoding="UTF-8">
Your request: ${request.summary}