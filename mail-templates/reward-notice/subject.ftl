<#ftl encoding="UTF-8">
A small thank-you for you, ${customer.preferredName}