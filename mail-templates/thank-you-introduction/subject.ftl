<#ftl encoding="UTF-8">
A quick thank-you, ${customer.preferredName}